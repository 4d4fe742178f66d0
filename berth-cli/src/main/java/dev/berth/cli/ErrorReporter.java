package dev.berth.cli;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.DiagnosticRenderer;
import dev.berth.error.BerthException;
import dev.berth.error.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error on standard error and picks its exit code. Berth's own failures
 * print their message and causes; diagnostics print with their source line and caret; anything
 * else is a bug, so its stack trace is printed too.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private final DiagnosticRenderer renderer = new DiagnosticRenderer();

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        switch (exception) {
            case InvalidInputException invalid -> {
                for (Diagnostic diagnostic : invalid.diagnostics()) {
                    err.print(renderer.render(diagnostic, invalid.source().orElse(null)));
                }
            }
            case BerthException berth -> err.println("berth: " + describe(berth));
            default -> {
                err.println("berth: internal error: " + exception);
                exception.printStackTrace(err);
            }
        }
        err.flush();
        return exception instanceof BerthException berth ? berth.exitCode() : 70;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            String because = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            // A wrapper that already quotes its cause (a failed RUN's headline) would otherwise say it twice.
            if (!text.toString().contains(because)) {
                text.append(": ").append(because);
            }
        }
        return text.toString();
    }
}
