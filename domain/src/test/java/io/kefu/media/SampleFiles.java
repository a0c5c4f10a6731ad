package io.kefu.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small real files of every accepted type, made by the test itself, and their forgeries. */
public final class SampleFiles {

    /** A 1×1 lossless WebP (no WebP writer in the JDK; the bytes are the format's smallest valid image). */
    private static final String WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    private SampleFiles() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    public static byte[] webp() {
        return Base64.getDecoder().decode(WEBP);
    }

    /** A one-page-tree PDF whose trailer points at its cross-reference table, as a writer makes it. */
    public static byte[] pdf() {
        String body = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        int xref = body.length();
        String rest = "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n";
        return (body + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The first bytes of {@code real} followed by something else entirely. */
    public static byte[] magicThen(byte[] real, int keep, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        byte[] forged = new byte[keep + tail.length];
        System.arraycopy(real, 0, forged, 0, keep);
        System.arraycopy(tail, 0, forged, keep, tail.length);
        return forged;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 12; y++) {
                image.setRGB(x, y, new Color(x * 15, y * 20, 128).getRGB());
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
