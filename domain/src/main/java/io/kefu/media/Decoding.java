package io.kefu.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Proof that a file is what its first bytes claim: an image that decodes, a PDF that ends as a PDF ends. */
public final class Decoding {

    /** The raster formats Kefu takes, by the name their ImageIO readers know them. */
    public enum Image {
        JPEG, PNG, WEBP
    }

    /** More than any camera takes; beyond it a small file that claims a huge picture is a decompression bomb. */
    static final long MAX_PIXELS = 200_000_000L;
    /** Decoding is subsampled down to about this many pixels: every byte is read, the raster stays small. */
    private static final long CHECK_PIXELS = 1_000_000L;
    private static final Pattern HEADER = Pattern.compile("%PDF-[12]\\.\\d");
    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,12})\\s+%%EOF");
    private static final Pattern XREF_OR_OBJECT = Pattern.compile("(?<![A-Za-z])xref\\s|\\d+\\s+\\d+\\s+obj\\b");
    private static final int TAIL = 2048;
    /** Producers are known to miss the offset by a few bytes; readers forgive it, and so do we. */
    private static final int OFFSET_SLACK = 64;

    private Decoding() {
    }

    /** Whether {@code content} decodes as a picture of that format, of a sane size. */
    public static boolean isImage(byte[] content, Image format) {
        ImageReader reader = reader(format);
        if (reader == null) {
            return false;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels <= 0 || pixels > MAX_PIXELS) {
                return false;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt((double) pixels / CHECK_PIXELS));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            return image != null && image.getWidth() > 0 && image.getHeight() > 0;
        } catch (IOException | RuntimeException unreadable) {
            // A decoder's complaint of any kind means the bytes are not that picture.
            return false;
        } finally {
            reader.dispose();
        }
    }

    /**
     * Whether {@code content} is built as a PDF: its header, and at its end {@code startxref} with the offset of
     * a cross-reference table or stream inside the file, then {@code %%EOF} (ISO 32000-1, 7.5).
     */
    public static boolean isPdf(byte[] content) {
        if (content.length < 32 || !HEADER.matcher(ascii(content, 0, 16)).lookingAt()) {
            return false;
        }
        int tailStart = Math.max(0, content.length - TAIL);
        Matcher end = START_XREF.matcher(ascii(content, tailStart, content.length - tailStart));
        long offset = -1;
        while (end.find()) {
            offset = Long.parseLong(end.group(1));
        }
        if (offset <= 0 || offset >= content.length) {
            return false;
        }
        int from = (int) Math.max(0, offset - OFFSET_SLACK);
        int to = (int) Math.min(content.length, offset + OFFSET_SLACK + 32);
        return XREF_OR_OBJECT.matcher(ascii(content, from, to - from)).find();
    }

    private static ImageReader reader(Image format) {
        if (format == Image.WEBP) {
            // Taken directly, so the check does not depend on what the JVM-wide ImageIO registry happens to hold.
            try {
                return new WebPImageReaderSpi().createReaderInstance();
            } catch (IOException e) {
                return null;
            }
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
        return readers.hasNext() ? readers.next() : null;
    }

    private static String ascii(byte[] content, int offset, int length) {
        return new String(content, offset, length, StandardCharsets.ISO_8859_1);
    }
}
