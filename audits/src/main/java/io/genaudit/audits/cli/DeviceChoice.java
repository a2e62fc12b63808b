package io.genaudit.audits.cli;

import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.ComputeDevice;

/**
 * The device a command's PyTorch models run on: {@code --device} (inherited by every subcommand) wins over a plan's
 * {@code device:}; neither means the CPU. An unusable device (cuda without a GPU or without CUDA natives) is an
 * input error (exit 2) raised before any model is loaded.
 */
final class DeviceChoice {
    private static volatile String commandLine;

    private DeviceChoice() {
    }

    /** Forgets an earlier command's choice (one JVM may run several commands, e.g. in tests). */
    static void reset() {
        commandLine = null;
        ComputeDevice.select(ComputeDevice.parse("cpu", "--device"), "--device");
    }

    /** Records {@code --device}; {@link #applyCommandLine()} checks and selects it. */
    static void commandLine(String text) {
        commandLine = text;
    }

    /** Selects the {@code --device} device, if one was given. */
    static void applyCommandLine() {
        if (commandLine != null) ComputeDevice.select(ComputeDevice.parse(commandLine, "--device"), "--device");
    }

    /** Selects the plan's {@code device:} unless {@code --device} was given. */
    static void applyPlan(Plan plan) {
        if (commandLine == null && plan.device() != null) ComputeDevice.select(plan.device(), plan.file() + ": field 'device'");
    }
}
