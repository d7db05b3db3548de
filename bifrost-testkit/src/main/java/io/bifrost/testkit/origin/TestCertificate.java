package io.bifrost.testkit.origin;

import static io.bifrost.testkit.origin.Der.bitString;
import static io.bifrost.testkit.origin.Der.explicit;
import static io.bifrost.testkit.origin.Der.implicit;
import static io.bifrost.testkit.origin.Der.integer;
import static io.bifrost.testkit.origin.Der.octetString;
import static io.bifrost.testkit.origin.Der.oid;
import static io.bifrost.testkit.origin.Der.sequence;
import static io.bifrost.testkit.origin.Der.set;
import static io.bifrost.testkit.origin.Der.utcTime;
import static io.bifrost.testkit.origin.Der.utf8String;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, with its private key, generated in memory,
 * and the trust material that clients and proxies under test need to trust it.
 *
 * <p>The certificate carries both names as subjectAltName entries ({@code DNS:localhost}, {@code IP:127.0.0.1}), so
 * clients that verify host names (Vert.x by default, the JDK {@code HttpClient} always) accept it for
 * {@code https://127.0.0.1:<port>} as well as {@code https://localhost:<port>}. Key: EC P-256; signature:
 * ECDSA with SHA-256; valid from one day ago for one year.
 *
 * <p>Immutable and thread-safe. Nothing is written to disk: {@link #certificatePem()} gives the PEM text for tools
 * that want a file.
 */
public final class TestCertificate {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final byte[] LOOPBACK_V4 = {127, 0, 0, 1};

    private final X509Certificate certificate;
    private final KeyPair keyPair;

    private TestCertificate(X509Certificate certificate, KeyPair keyPair) {
        this.certificate = certificate;
        this.keyPair = keyPair;
    }

    /** Generates a new key pair and certificate (a few milliseconds). */
    public static TestCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            return new TestCertificate(selfSign(keyPair), keyPair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 test certificate", e);
        }
    }

    /** The certificate itself. */
    public X509Certificate x509() {
        return certificate;
    }

    /** The certificate as PEM text ({@code -----BEGIN CERTIFICATE-----}). */
    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the test certificate", e);
        }
    }

    /** The private key as PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    /** Server-side key material for Vert.x ({@code HttpServerOptions.setKeyCertOptions}). A new copy per call. */
    public PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions()
                .setKeyValue(Buffer.buffer(privateKeyPem()))
                .setCertValue(Buffer.buffer(certificatePem()));
    }

    /** Trust for Vert.x clients ({@code setTrustOptions}) that trusts only this certificate. A new copy per call. */
    public PemTrustOptions trustOptions() {
        return new PemTrustOptions().addCertValue(Buffer.buffer(certificatePem()));
    }

    /** A JDK trust manager that trusts only this certificate. */
    public X509TrustManager trustManager() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("bifrost-test", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust manager for the test certificate", e);
        }
    }

    /** A new client {@link SSLContext} that trusts only this certificate, e.g. for the JDK {@code HttpClient}. */
    public SSLContext clientSslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext for the test certificate", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keyPair) throws GeneralSecurityException {
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), utf8String("localhost"))));
        ZonedDateTime now = ZonedDateTime.now();
        byte[] tbs = sequence(
                explicit(0, integer(BigInteger.TWO)), // version: v3
                integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)), // positive (RFC 5280 §4.1.2.2)
                algorithm,
                name,
                sequence(utcTime(now.minusDays(1)), utcTime(now.plusYears(1))),
                name,
                keyPair.getPublic().getEncoded(), // already a SubjectPublicKeyInfo
                explicit(3, sequence(subjectAltNames())));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keyPair.getPrivate());
        signer.update(tbs);
        byte[] der = sequence(tbs, algorithm, bitString(signer.sign()));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }

    /** GeneralNames: dNSName is [2] IA5String, iPAddress is [7] OCTET STRING (RFC 5280 §4.2.1.6). */
    private static byte[] subjectAltNames() {
        byte[] names = sequence(
                implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)),
                implicit(7, LOOPBACK_V4));
        return sequence(oid(SUBJECT_ALT_NAME), octetString(names));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
