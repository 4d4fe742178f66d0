/** The {@code berth} command: picocli commands and renderers over berth-core's exported API. */
module dev.berth.cli {
    requires dev.berth.core;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires jdk.management;

    opens dev.berth.cli to info.picocli;
}
