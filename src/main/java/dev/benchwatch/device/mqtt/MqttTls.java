package dev.benchwatch.device.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to the broker: trust the certificate authority in {@code caFile} (PEM; a lab's own CA is typical;
 * null trusts the Java runtime's public CAs instead),
 * check that the broker's certificate names the host we connect to unless told not to, and show our own
 * certificate when the broker asks for one (mutual TLS).
 *
 * @param clientCertificate null when the broker does not ask for a client certificate
 */
public record MqttTls(Path caFile, boolean verifyHostname, ClientCertificate clientCertificate) {
    public MqttTls {
        if (caFile == null && !verifyHostname) {
            throw new IllegalArgumentException("turning host name checks off needs a CA file of your own");
        }
    }

    public MqttTls(Path caFile, boolean verifyHostname) {
        this(caFile, verifyHostname, null);
    }

    /** A trust manager factory holding every certificate of the CA file. */
    TrustManagerFactory trustManagers() throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null); // the runtime's own trust store
            return factory;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in CA file " + caFile);
            }
        }
        factory.init(store);
        return factory;
    }
}
