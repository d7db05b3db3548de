package io.bifrost.testkit.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCertificateTest {

    private final TestCertificate certificate = TestCertificate.generate();

    @Test
    void generate_always_namesLocalhostAndTheLoopbackIpInSubjectAltNames() throws Exception {
        assertThat(certificate.x509().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.x509().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }

    @Test
    void generate_always_isSelfSignedAndCurrentlyValid() throws Exception {
        X509Certificate x509 = certificate.x509();

        x509.verify(x509.getPublicKey());
        x509.checkValidity();
        assertThat(x509.getVersion()).isEqualTo(3);
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
    }

    @Test
    void certificatePem_parsedAgain_isTheSameCertificate() throws Exception {
        byte[] pem = certificate.certificatePem().getBytes(StandardCharsets.US_ASCII);

        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));

        assertThat(parsed).isEqualTo(certificate.x509());
    }

    @Test
    void privateKeyPem_decoded_isAPkcs8EcKey() throws Exception {
        String base64 = certificate.privateKeyPem()
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");

        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));

        assertThat(key.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void trustManager_always_acceptsOnlyThisCertificate() throws Exception {
        X509Certificate other = TestCertificate.generate().x509();

        certificate.trustManager().checkServerTrusted(new X509Certificate[] {certificate.x509()}, "ECDHE_ECDSA");
        assertThatThrownBy(() ->
                        certificate.trustManager().checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }
}
