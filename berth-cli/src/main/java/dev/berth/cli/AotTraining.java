package dev.berth.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The workload the launcher records the JVM's AOT cache from (JDK 25, JEP 483/514/515): one JVM runs
 * the commands people repeat (a cold build, the no-op rebuild, a one-file rebuild, listing, inspecting,
 * checking, help), in a throwaway store and context, so the classes they load and link, and their
 * method profiles, are in the cache. Needs no root and no network: the image is {@code FROM scratch}.
 * Output is discarded; a failing command only makes the cache smaller, never a wrong result, so it is
 * reported on standard error and training goes on.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("berth-aot-training");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
            System.setOut(discard);
            System.setErr(discard);
            train(work, err);
        } finally {
            System.setOut(out);
            System.setErr(err);
            try {
                deleteTree(work);
            } catch (IOException | RuntimeException leftInTemp) {
                // A training container's root still mounted (its rm failed): the cache is good all the same.
                err.println("berth: AOT training: could not remove " + work + ": " + leftInTemp.getMessage());
            }
        }
    }

    private static void train(Path work, PrintStream report) throws IOException {
        Path context = work.resolve("context");
        Path sources = Files.createDirectories(context.resolve("src"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(sources.resolve("mod" + i + ".py"), "def f" + i + "():\n    return " + i + "\n");
        }
        Files.writeString(context.resolve("requirements.txt"), "flask==3.0.0\n");
        Files.writeString(context.resolve(".dockerignore"), "*.tmp\n");
        Files.writeString(context.resolve("Dockerfile"), """
                # syntax=docker/dockerfile:1
                FROM scratch AS base
                ARG VERSION=1
                LABEL org.opencontainers.image.version=${VERSION}
                WORKDIR /app
                COPY requirements.txt .
                ENV PATH=/app/bin:$PATH A=1
                COPY src/ ./src/
                FROM base
                COPY --from=base /app/requirements.txt /etc/
                USER 1000:1000
                EXPOSE 8080
                CMD ["python", "app.py"]
                """);
        String root = work.resolve("store").toString();
        String dockerfile = context.resolve("Dockerfile").toString();
        String ctx = context.toString();
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("build", "--help"),
                List.of("dockerfile", "check", "-f", dockerfile, ctx),
                List.of("check", "--format", "json", "-f", dockerfile, ctx),
                List.of("context", "ls", ctx),
                List.of("build", "--root", root, "-t", "training:1", ctx));
        commands.forEach(command -> run(command, report));
        // Past the racy window, the context files may be trusted: the next cached build writes the up-to-date
        // record and the one after it is answered from it, so the cache holds that path too (docs/startup.md).
        settle();
        run(List.of("build", "--root", root, "-q", "-t", "training:1", ctx), report);
        run(List.of("build", "--root", root, "-q", "-t", "training:1", ctx), report);
        run(List.of("build", "--root", root, "-q", "-t", "training:1", ctx), report);
        Files.writeString(sources.resolve("mod7.py"), "def f7():\n    return 'changed'\n");
        run(List.of("build", "--root", root, "-q", "-t", "training:1", ctx), report);
        run(List.of("build", "--root", root, "-q", "-t", "training:1", ctx), report);
        run(List.of("build", "--root", root, "--progress", "plain", "-t", "training:2", ctx), report);
        run(List.of("images", "--root", root), report);
        run(List.of("images", "--root", root, "-q"), report);
        run(List.of("image", "inspect", "--root", root, "training:1"), report);
        run(List.of("history", "--root", root, "training:1"), report);
        run(List.of("tag", "--root", root, "training:1", "training:3"), report);
        run(List.of("save", "--root", root, "-o", work.resolve("image.tar").toString(), "training:3"), report);
        run(List.of("load", "--root", work.resolve("store2").toString(), "-i", work.resolve("image.tar").toString()), report);
        run(List.of("rmi", "--root", root, "training:3"), report);
        run(List.of("system", "df", "--root", root), report);
        run(List.of("ps", "--root", root, "-a"), report);
        run(List.of("volume", "ls", "--root", root), report);
        trainRunStep(work, root);
        AotContainerTraining.train(work, root, AotTraining::run, report);
    }

    /** Waits out the stat cache's racy window (two seconds) after the context was written. */
    private static void settle() {
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A RUN step, for the path a multi-stage build with RUNs takes (snapshots, the mount, the bundle, the
     * runtime's invocation and cleanup, a stage extracted for {@code COPY --from}): on {@code FROM scratch}
     * there is no program to run, so the step fails at exec, after all of that; without root or a runtime
     * it fails sooner and the cache is only smaller. The step is meant to fail, so its exit code is not reported.
     */
    private static void trainRunStep(Path work, String root) throws IOException {
        Path context = Files.createDirectories(work.resolve("run-context"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch AS files
                COPY Dockerfile /x
                FROM scratch
                COPY --from=files /x /y
                RUN ["/no-such-program"]
                """);
        Main.run(new String[] {"build", "--root", root, "-q", "--no-cache", context.toString()});
    }

    /**
     * Removes the throwaway directory. The walk never follows a link, and makes each directory writable before
     * emptying it: extracted stages keep read-only ones.
     */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                dir.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void run(List<String> command, PrintStream report) {
        int exit = Main.run(command.toArray(String[]::new));
        if (exit != 0) {
            report.println("berth: AOT training: `berth " + String.join(" ", command) + "` exited " + exit);
        }
    }
}
