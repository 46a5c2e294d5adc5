package dev.benchwatch.device.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;

/**
 * The certificate and private key we show a broker that asks for client certificates (mutual TLS), both
 * PEM files as openssl writes them. The key is PKCS#8, plain ({@code BEGIN PRIVATE KEY}) or encrypted
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}); the passphrase of an encrypted key comes, like a password, from
 * the environment or a prompt and never from a workspace file. {@link #toString()} never shows it.
 */
public final class ClientCertificate {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private final Path certificateFile;
    private final Path keyFile;
    private final char[] passphrase; // null: the key is not encrypted

    /** @param passphrase null when the key file is not encrypted; copied, so the caller may wipe its array */
    public ClientCertificate(Path certificateFile, Path keyFile, char[] passphrase) {
        this.certificateFile = Objects.requireNonNull(certificateFile, "client certificate file");
        this.keyFile = Objects.requireNonNull(keyFile, "client key file");
        this.passphrase = passphrase == null ? null : passphrase.clone();
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** A key manager factory holding this identity; errors name the file and say what was expected. */
    KeyManagerFactory keyManagers() throws IOException, GeneralSecurityException {
        List<Certificate> chain;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in client certificate file " + certificateFile);
        }
        PrivateKey key = readKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] storePassword = new char[0]; // in memory only
        store.setKeyEntry("client", key, storePassword, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, storePassword);
        return factory;
    }

    private PrivateKey readKey() throws IOException, GeneralSecurityException {
        Matcher pem = PEM.matcher(Files.readString(keyFile, StandardCharsets.US_ASCII));
        if (!pem.find()) {
            throw new GeneralSecurityException("client key file " + keyFile + " holds no PEM block");
        }
        String type = pem.group(1);
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
        KeySpec spec = switch (type) {
            case "PRIVATE KEY" -> new PKCS8EncodedKeySpec(der);
            case "ENCRYPTED PRIVATE KEY" -> decrypt(der);
            case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new GeneralSecurityException("client key file "
                    + keyFile + " is in the old " + type + " format; convert it to PKCS#8 with: "
                    + "openssl pkcs8 -topk8 -in " + keyFile.getFileName() + " -out client-pkcs8.key [-nocrypt]");
            default -> throw new GeneralSecurityException("client key file " + keyFile + " holds a '" + type
                    + "' block; expected PRIVATE KEY or ENCRYPTED PRIVATE KEY (PKCS#8)");
        };
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm: PKCS#8 names it inside, but KeyFactory wants it up front
            }
        }
        throw new GeneralSecurityException("client key file " + keyFile + " holds a key of an unsupported algorithm");
    }

    private KeySpec decrypt(byte[] der) throws IOException, GeneralSecurityException {
        if (passphrase == null) {
            throw new GeneralSecurityException("client key file " + keyFile
                    + " is encrypted; give its passphrase (environment variable or prompt)");
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        try {
            SecretKeyFactory keys = SecretKeyFactory.getInstance(algorithm);
            PBEKeySpec password = new PBEKeySpec(passphrase);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, keys.generateSecret(password), info.getAlgParameters());
            password.clearPassword();
            return info.getKeySpec(cipher);
        } catch (java.security.spec.InvalidKeySpecException wrong) { // what a wrong passphrase yields
            throw new GeneralSecurityException("cannot decrypt client key file " + keyFile
                    + ": wrong passphrase?", wrong);
        }
    }

    /** Overwrites the passphrase in memory. */
    public void wipe() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public String toString() {
        return "ClientCertificate[certificate=" + certificateFile + ", key=" + keyFile
                + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
}
