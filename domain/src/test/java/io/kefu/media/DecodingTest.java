package io.kefu.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecodingTest {

    @Test
    void realPicturesDecode() {
        assertTrue(Decoding.isImage(SampleFiles.png(), Decoding.Image.PNG));
        assertTrue(Decoding.isImage(SampleFiles.jpeg(), Decoding.Image.JPEG));
        assertTrue(Decoding.isImage(SampleFiles.webp(), Decoding.Image.WEBP));
    }

    @Test
    void firstBytesFollowedByGarbageOrAPageAreNoPicture() {
        assertFalse(Decoding.isImage(SampleFiles.magicThen(SampleFiles.png(), 8, "garbage".repeat(40)),
                Decoding.Image.PNG));
        assertFalse(Decoding.isImage(SampleFiles.magicThen(SampleFiles.jpeg(), 3,
                "<html><script>alert(document.cookie)</script></html>"), Decoding.Image.JPEG));
        assertFalse(Decoding.isImage(SampleFiles.magicThen(SampleFiles.webp(), 16, "garbage"), Decoding.Image.WEBP));
        assertFalse(Decoding.isImage(Arrays.copyOf(SampleFiles.png(), 40), Decoding.Image.PNG), "cut short");
        assertFalse(Decoding.isImage(SampleFiles.png(), Decoding.Image.JPEG), "another format");
    }

    @Test
    void aTinyFileClaimingAHugePictureIsRefusedBeforeDecoding() {
        byte[] png = SampleFiles.png();
        // IHDR width and height (bytes 16..23) set to 60000 × 60000; the CRC no longer matters to the size check.
        ByteBuffer.wrap(png, 16, 8).putInt(60_000).putInt(60_000);
        assertFalse(Decoding.isImage(png, Decoding.Image.PNG));
    }

    @Test
    void aPdfIsKnownByItsTrailer() {
        assertTrue(Decoding.isPdf(SampleFiles.pdf()));
        assertFalse(Decoding.isPdf(SampleFiles.magicThen(SampleFiles.pdf(), 9, "garbage ".repeat(20))));
        assertFalse(Decoding.isPdf(("%PDF-1.4\n<html><body>hello</body></html>\nstartxref\n9\n%%EOF")
                .getBytes(StandardCharsets.ISO_8859_1)), "a trailer pointing at no cross-reference table");
    }
}
