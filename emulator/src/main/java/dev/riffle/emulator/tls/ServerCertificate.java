package dev.riffle.emulator.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The emulator's TLS identity: a certificate chain and its private key, either loaded from PEM files
 * ({@code --cert}, {@code --key}) or generated at start: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1} (and {@code ::1}), valid for a week, which clients are told to trust by its PEM.
 *
 * <p>The private key stays in memory and is never printed; {@link #toString()} shows the subject only.
 */
public final class ServerCertificate {

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /** A new self-signed certificate (EC P-256) for localhost, 127.0.0.1 and ::1, valid for {@code validity}. */
    public static ServerCertificate selfSigned(Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=riffle emulator");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
            // A CA flag so that clients (Node, the JDK) accept it as its own trust anchor.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerCertificate(List.of(certificate), pair.getPrivate());
        } catch (java.security.GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the emulator's certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a certificate chain and a private key (PKCS#8, PKCS#1 or SEC1) from PEM files.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ServerCertificate fromPem(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(certificateFile);
        PrivateKey key = readKey(keyFile);
        if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(keyFile + ": a " + key.getAlgorithm() + " key does not go with the "
                    + chain.get(0).getPublicKey().getAlgorithm() + " certificate in " + certificateFile);
        }
        return new ServerCertificate(chain, key);
    }

    /** The chain, leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return key;
    }

    /** The leaf certificate as PEM, for clients to trust. */
    public String certificatePem() {
        return toPem(chain.get(0));
    }

    /** Writes the leaf certificate's PEM to {@code file} (readable by all: it is public). */
    public Path writeCertificatePem(Path file) {
        try {
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + chain.get(0).getSubjectX500Principal() + "]";
    }

    private static String toPem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> out = new java.util.ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
                    out.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no CERTIFICATE block found");
        }
        return out;
    }

    private static PrivateKey readKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a PEM private key (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(file + ": no unencrypted PRIVATE KEY block found");
    }

    /** The addresses a generated certificate covers. */
    public static List<String> coveredHosts() {
        return List.of("localhost", InetAddress.getLoopbackAddress().getHostAddress(), "::1");
    }
}
