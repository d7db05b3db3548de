package io.bifrost.adapters.vertx.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.config.FileSystemOps;
import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.event.ProxyEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A {@link FileServerControl} on a real file in a temporary directory, over a {@link FakeRuntime}. */
final class ControlFixture implements AutoCloseable {
    static final EnvLookup ENV = EnvLookup.of(Map.of("CORP_PASS", "corp-secret"));
    static final String BASE = """
            # comments are not kept by saves
            server:
              http:
                listen: "127.0.0.1:0"
              socks5:
                listen: ""
            backends:
              - name: direct
                type: direct
              - name: corp
                type: httpproxy
                config:
                  address: "127.0.0.1:3128"
                  password: "${CORP_PASS}"
              - name: spare
                type: direct
                enabled: false
            routes:
              - name: corp
                domains: ["*.corp.example"]
                backend: corp
                priority: 10
              - domains: ["*"]
                backend: direct
            api:
              listen: "127.0.0.1:0"
            metrics:
              enabled: false
            access_log:
              enabled: false
            custom_extension: kept
            """;

    final Vertx vertx = Vertx.vertx();
    final Path file;
    final FakeRuntime runtime = new FakeRuntime("direct", "corp");
    final List<ProxyEvent> events = new CopyOnWriteArrayList<>();
    final FileServerControl control;

    /** @param customize changes to the options: another writer, a lifecycle hook */
    ControlFixture(Path dir, String yaml, UnaryOperator<FileServerControl.Options> customize) {
        this.file = dir.resolve("server-config.yaml");
        write(file, yaml);
        LoadedServerConfig loaded = new ServerConfigLoader(ENV).loadWithSource(file).orElseThrow();
        FileServerControl.Options options = FileServerControl.Options.of(events::add, InstantSource.system())
                .withDefaultFile(file);
        this.control = new FileServerControl(vertx, loaded, runtime, customize.apply(options));
    }

    ControlFixture(Path dir) {
        this(dir, BASE, UnaryOperator.identity());
    }

    /** Options whose writer uses {@code ops}. */
    static UnaryOperator<FileServerControl.Options> fileSystem(FileSystemOps ops) {
        return o -> o.withWriter(new ConfigFileWriter(ops, Clock.systemUTC()));
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as the parser reads it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> tree() {
        return (Map<String, Object>) YamlConfigParser.parse(text()).config();
    }

    /** The refusal a change ends with. */
    static ControlException refusal(Future<?> change) {
        ControlException e = catchThrowableOfType(ControlException.class, change::await);
        assertThat(e).as("the change was refused").isNotNull();
        return e;
    }

    static List<String> texts(List<? extends Object> problems) {
        return problems.stream().map(Object::toString).toList();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
