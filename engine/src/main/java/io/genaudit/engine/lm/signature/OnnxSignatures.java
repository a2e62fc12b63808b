package io.genaudit.engine.lm.signature;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a {@link ModelSignature} from an ONNX Runtime session: names, element types and (named) dynamic axes. */
public final class OnnxSignatures {
    private OnnxSignatures() {
    }

    public static ModelSignature read(OrtSession session) throws OrtException {
        return new ModelSignature("ONNX", decls(session.getInputInfo()), decls(session.getOutputInfo()));
    }

    private static List<TensorDecl> decls(Map<String, NodeInfo> infos) {
        List<TensorDecl> out = new ArrayList<>();
        for (var e : infos.entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo t) {
                long[] shape = t.getShape();
                String[] names = t.getDimensionNames();
                List<String> dims = new ArrayList<>();
                for (int i = 0; i < shape.length; i++) {
                    String n = names != null && i < names.length ? names[i] : "";
                    dims.add(shape[i] >= 0 ? Long.toString(shape[i]) : n == null || n.isEmpty() ? "?" : n);
                }
                out.add(new TensorDecl(e.getKey(), dtype(t), dims));
            } else {
                out.add(new TensorDecl(e.getKey(), e.getValue().getInfo().getClass().getSimpleName(), List.of()));
            }
        }
        return out;
    }

    /** ONNX element type names as numpy/torch spell them: int64, int32, float32, float16, bool, ... */
    public static String dtype(TensorInfo t) {
        return switch (t.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> "float32";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> "float64";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> "float16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> "bfloat16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> "int64";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> "int32";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> "bool";
            default -> t.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
        };
    }
}
