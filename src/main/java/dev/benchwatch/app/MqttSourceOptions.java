package dev.benchwatch.app;

import dev.benchwatch.codec.Decoder;
import dev.benchwatch.device.mqtt.ClientCertificate;
import dev.benchwatch.device.mqtt.MqttAdapter;
import dev.benchwatch.device.mqtt.MqttCredentials;
import dev.benchwatch.device.mqtt.MqttSettings;
import dev.benchwatch.device.mqtt.MqttTls;
import dev.benchwatch.device.mqtt.TopicMapping;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The command-line options of an MQTT source (a picocli mixin). Secrets come from the environment, a
 * prompt or an owner-only file, never from the command line itself (it shows in {@code ps}).
 */
final class MqttSourceOptions {
    static final int DEFAULT_PORT = 1883;
    static final int DEFAULT_TLS_PORT = 8883;

    @Option(names = "--topic", paramLabel = "FILTER", description = "Topic filter, wildcards allowed (repeatable).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--qos", defaultValue = "1", description = "Subscription QoS 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--mqtt-version", defaultValue = "5", description = "3 (3.1.1) or 5 (default: ${DEFAULT-VALUE}).")
    int version;

    @Option(names = "--client-id", description = "Client id (default: benchwatch-tail-<pid>).")
    String clientId;

    @Option(names = "--persistent", description = "Keep a persistent session (QoS 1 messages wait while we are away).")
    boolean persistent;

    @Option(names = "--device-template", defaultValue = "{-2}",
            description = "Device name from topic levels: {n} from the start (0-based), {-n} from the end (default: ${DEFAULT-VALUE}).")
    String deviceTemplate;

    @Option(names = "--channel-template", defaultValue = "{-1}", description = "Channel name from topic levels (default: ${DEFAULT-VALUE}).")
    String channelTemplate;

    @Option(names = "--username", description = "User name; the password comes from --password-env, --password-file or a prompt.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (chmod 600).")
    Path passwordFile;

    @Option(names = "--cafile", paramLabel = "PEM", description = "CA certificate(s) to trust (ssl://); default: the runtime's CAs.")
    Path caFile;

    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate for mutual TLS.")
    Path certFile;

    @Option(names = "--key", paramLabel = "PEM", description = "Client key (PKCS#8, plain or encrypted) for mutual TLS.")
    Path keyFile;

    @Option(names = "--key-passphrase-env", paramLabel = "VAR", description = "Environment variable holding the key's passphrase.")
    String keyPassphraseEnv;

    @Option(names = "--insecure", description = "Do not check that the broker's certificate names its host.")
    boolean insecure;

    /**
     * An adapter for {@code url} ({@code tcp://}, {@code mqtt://}, {@code ssl://} or {@code mqtts://});
     * IllegalArgumentException with a message for the user when the options do not fit together.
     *
     * @param environment where --password-env and --key-passphrase-env are looked up
     * @param prompt      asks for a secret without echo; returns null when there is no terminal
     */
    MqttAdapter adapter(String name, String url, Decoder decoder, Map<String, String> environment,
                        Function<String, char[]> prompt) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--mqtt '" + url + "' is not a URL like tcp://host:1883");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "tls", "mqtts" -> true;
            default -> throw new IllegalArgumentException("--mqtt '" + url
                    + "': scheme must be tcp:// (or mqtt://) or ssl:// (or mqtts://)");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--mqtt '" + url + "' names no host");
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("--mqtt needs at least one --topic FILTER");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        String id = clientId != null ? clientId : "benchwatch-tail-" + ProcessHandle.current().pid();
        MqttSettings settings = new MqttSettings(uri.getHost(), port, id, version, !persistent, topics, qos,
                new TopicMapping(deviceTemplate, channelTemplate));
        if (!tls && (caFile != null || certFile != null || keyFile != null)) {
            throw new IllegalArgumentException("--cafile, --cert and --key need an ssl:// broker URL");
        }
        return new MqttAdapter(name, settings, credentials(environment, prompt),
                tls ? tls(environment, prompt) : null, decoder);
    }

    private MqttCredentials credentials(Map<String, String> environment, Function<String, char[]> prompt)
            throws IOException {
        if (username == null) {
            if (passwordEnv != null || passwordFile != null) {
                throw new IllegalArgumentException("a password needs --username");
            }
            return null;
        }
        if (passwordEnv != null) {
            return MqttCredentials.fromEnvironment(username, passwordEnv, environment);
        }
        if (passwordFile != null) {
            return MqttCredentials.fromFile(username, passwordFile);
        }
        char[] typed = prompt.apply("MQTT password for " + username + ": ");
        if (typed == null) {
            throw new IllegalArgumentException("no terminal to ask for the password of " + username
                    + "; give --password-env VAR or --password-file FILE");
        }
        return MqttCredentials.fromPrompt(username, typed);
    }

    private MqttTls tls(Map<String, String> environment, Function<String, char[]> prompt) {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("mutual TLS needs both --cert and --key");
        }
        if (insecure && caFile == null) {
            throw new IllegalArgumentException("--insecure needs --cafile (the CA of the broker you do trust)");
        }
        ClientCertificate identity = null;
        if (certFile != null) {
            char[] passphrase = null;
            if (keyPassphraseEnv != null) {
                String value = environment.get(keyPassphraseEnv);
                if (value == null) {
                    throw new IllegalArgumentException("environment variable " + keyPassphraseEnv
                            + " (the passphrase of " + keyFile + ") is not set");
                }
                passphrase = value.toCharArray();
            } else if (isEncrypted(keyFile)) {
                passphrase = prompt.apply("Passphrase for " + keyFile + ": ");
            }
            identity = new ClientCertificate(certFile, keyFile, passphrase);
        }
        return new MqttTls(caFile, !insecure, identity);
    }

    private static boolean isEncrypted(Path key) {
        try {
            return java.nio.file.Files.readString(key).contains("BEGIN ENCRYPTED PRIVATE KEY");
        } catch (IOException e) {
            return false; // the adapter reports the unreadable file with its name
        }
    }
}
