package io.genaudit.engine.image.c2pa;

/** A C2PA manifest store that does not follow the JUMBF/CBOR/COSE layout; the message names what is wrong. */
public class C2paFormatException extends RuntimeException {
    public C2paFormatException(String message) {
        super(message);
    }
}
