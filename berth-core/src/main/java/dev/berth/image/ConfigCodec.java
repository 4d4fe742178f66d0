package dev.berth.image;

import dev.berth.golang.GoJsonText;
import dev.berth.golang.GoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads and writes image configs. The top-level keys are written sorted, as Docker's image store does
 * (its {@code Image.MarshalJSON} goes through a map so a push/pull cycle cannot reorder them), which also
 * places unknown kept fields deterministically. The {@code config} object follows the member order of
 * Docker's {@code container.Config} with every empty member omitted, as OCI and BuildKit write it.
 */
final class ConfigCodec {

    private ConfigCodec() {
    }

    static ImageConfig readConfig(JsonObject json) {
        Optional<Instant> created = time(json, "created");
        String author = json.string("author");
        String architecture = json.string("architecture");
        String os = json.string("os");
        String osVersion = json.string("os.version");
        List<String> osFeatures = json.strings("os.features");
        String variant = json.string("variant");
        ContainerConfig config = json.object("config").map(ConfigCodec::readContainerConfig)
                .orElse(ContainerConfig.EMPTY);
        RootFs rootFs = json.object("rootfs").map(ConfigCodec::readRootFs).orElse(RootFs.layers(List.of()));
        List<HistoryEntry> history = json.objects("history").stream().map(ConfigCodec::readHistory).toList();
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config, rootFs,
                history, json.rest());
    }

    static void writeConfig(ImageConfig image, CanonicalJsonWriter out) {
        Map<String, Consumer<CanonicalJsonWriter>> fields = new TreeMap<>(GoJsonText.MAP_KEY_ORDER);
        image.extra().forEach((name, raw) -> fields.put(name, writer -> writer.raw(raw)));
        image.created().ifPresent(created -> fields.put("created", writer -> writer.value(GoTime.formatTime(created))));
        putString(fields, "author", image.author());
        putString(fields, "architecture", image.architecture());
        putString(fields, "os", image.os());
        putString(fields, "os.version", image.osVersion());
        if (!image.osFeatures().isEmpty()) {
            fields.put("os.features", writer -> writer.stringArray(image.osFeatures()));
        }
        putString(fields, "variant", image.variant());
        fields.put("config", writer -> writeContainerConfig(image.config(), writer));
        fields.put("rootfs", writer -> {
            writer.beginObject().name("type").value(image.rootFs().type()).name("diff_ids").beginArray();
            image.rootFs().diffIds().forEach(diffId -> writer.value(diffId.toString()));
            writer.endArray().endObject();
        });
        if (!image.history().isEmpty()) {
            fields.put("history", writer -> {
                writer.beginArray();
                image.history().forEach(entry -> writeHistory(entry, writer));
                writer.endArray();
            });
        }
        out.beginObject();
        fields.forEach((name, field) -> field.accept(out.name(name)));
        out.endObject();
    }

    private static ContainerConfig readContainerConfig(JsonObject json) {
        return ContainerConfig.builder()
                .hostname(json.string("Hostname"))
                .domainname(json.string("Domainname"))
                .user(json.string("User"))
                .attachStdin(json.bool("AttachStdin"))
                .attachStdout(json.bool("AttachStdout"))
                .attachStderr(json.bool("AttachStderr"))
                .exposedPorts(json.keySet("ExposedPorts"))
                .tty(json.bool("Tty"))
                .openStdin(json.bool("OpenStdin"))
                .stdinOnce(json.bool("StdinOnce"))
                .env(json.strings("Env"))
                .cmd(json.strings("Cmd"))
                .healthcheck(json.object("Healthcheck").map(ConfigCodec::readHealthConfig))
                .argsEscaped(json.bool("ArgsEscaped"))
                .image(json.string("Image"))
                .volumes(json.keySet("Volumes"))
                .workingDir(json.string("WorkingDir"))
                .entrypoint(json.strings("Entrypoint"))
                .onBuild(json.strings("OnBuild"))
                .labels(json.stringMap("Labels"))
                .stopSignal(json.string("StopSignal"))
                .shell(json.strings("Shell"))
                .extra(json.rest())
                .build();
    }

    private static void writeContainerConfig(ContainerConfig config, CanonicalJsonWriter out) {
        out.beginObject();
        writeString(out, "Hostname", config.hostname());
        writeString(out, "Domainname", config.domainname());
        writeString(out, "User", config.user());
        writeFlag(out, "AttachStdin", config.attachStdin());
        writeFlag(out, "AttachStdout", config.attachStdout());
        writeFlag(out, "AttachStderr", config.attachStderr());
        if (!config.exposedPorts().isEmpty()) {
            out.name("ExposedPorts").emptyObjectSet(config.exposedPorts());
        }
        writeFlag(out, "Tty", config.tty());
        writeFlag(out, "OpenStdin", config.openStdin());
        writeFlag(out, "StdinOnce", config.stdinOnce());
        writeStrings(out, "Env", config.env());
        writeStrings(out, "Cmd", config.cmd());
        config.healthcheck().ifPresent(health -> writeHealthConfig(health, out.name("Healthcheck")));
        writeFlag(out, "ArgsEscaped", config.argsEscaped());
        writeString(out, "Image", config.image());
        if (!config.volumes().isEmpty()) {
            out.name("Volumes").emptyObjectSet(config.volumes());
        }
        writeString(out, "WorkingDir", config.workingDir());
        writeStrings(out, "Entrypoint", config.entrypoint());
        writeStrings(out, "OnBuild", config.onBuild());
        if (!config.labels().isEmpty()) {
            out.name("Labels").stringMap(config.labels());
        }
        writeString(out, "StopSignal", config.stopSignal());
        writeStrings(out, "Shell", config.shell());
        config.extra().keySet().stream().sorted(GoJsonText.MAP_KEY_ORDER)
                .forEach(name -> out.name(name).raw(config.extra().get(name)));
        out.endObject();
    }

    private static HealthConfig readHealthConfig(JsonObject json) {
        long retries = json.optionalLong("Retries");
        if (retries < 0 || retries > Integer.MAX_VALUE) {
            throw json.fail(json.pathOf("Retries"),
                    "must be between 0 and " + Integer.MAX_VALUE + ", found " + retries);
        }
        return new HealthConfig(json.strings("Test"), duration(json, "Interval"), duration(json, "Timeout"),
                duration(json, "StartPeriod"), duration(json, "StartInterval"), (int) retries);
    }

    private static void writeHealthConfig(HealthConfig health, CanonicalJsonWriter out) {
        out.beginObject();
        writeStrings(out, "Test", health.test());
        writeNumber(out, "Interval", health.interval());
        writeNumber(out, "Timeout", health.timeout());
        writeNumber(out, "StartPeriod", health.startPeriod());
        writeNumber(out, "StartInterval", health.startInterval());
        writeNumber(out, "Retries", health.retries());
        out.endObject();
    }

    private static RootFs readRootFs(JsonObject json) {
        String where = json.pathOf("diff_ids");
        List<String> texts = json.strings("diff_ids");
        List<Digest> diffIds = new ArrayList<>(texts.size());
        for (String text : texts) {
            diffIds.add(json.parseDigest(text, where + "[" + diffIds.size() + "]"));
        }
        return new RootFs(json.string("type"), diffIds);
    }

    private static HistoryEntry readHistory(JsonObject json) {
        return new HistoryEntry(time(json, "created"), json.string("created_by"), json.string("author"),
                json.string("comment"), json.bool("empty_layer"));
    }

    private static void writeHistory(HistoryEntry entry, CanonicalJsonWriter out) {
        out.beginObject();
        entry.created().ifPresent(created -> out.name("created").value(GoTime.formatTime(created)));
        writeString(out, "created_by", entry.createdBy());
        writeString(out, "author", entry.author());
        writeString(out, "comment", entry.comment());
        writeFlag(out, "empty_layer", entry.emptyLayer());
        out.endObject();
    }

    private static Optional<Instant> time(JsonObject json, String name) {
        String text = json.string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GoTime.parseTime(text).orElseThrow(() -> json.fail(json.pathOf(name),
                "expected an RFC 3339 time such as 2024-01-02T03:04:05.123Z, found \"" + shorten(text) + "\"")));
    }

    private static long duration(JsonObject json, String name) {
        long nanos = json.optionalLong(name);
        if (nanos < 0) {
            throw json.fail(json.pathOf(name), "a duration in nanoseconds must not be negative, found " + nanos);
        }
        return nanos;
    }

    private static void putString(Map<String, Consumer<CanonicalJsonWriter>> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.put(name, writer -> writer.value(value));
        }
    }

    private static void writeString(CanonicalJsonWriter out, String name, String value) {
        if (!value.isEmpty()) {
            out.name(name).value(value);
        }
    }

    private static void writeStrings(CanonicalJsonWriter out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.name(name).stringArray(values);
        }
    }

    private static void writeFlag(CanonicalJsonWriter out, String name, boolean value) {
        if (value) {
            out.name(name).value(true);
        }
    }

    private static void writeNumber(CanonicalJsonWriter out, String name, long value) {
        if (value != 0) {
            out.name(name).value(value);
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
