package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.media.SampleFiles;
import io.kefu.problem.KefuException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files are judged by their content, and the intake's limits name the file at fault. */
class UploadTest {

    private static final byte[] JPEG = SampleFiles.jpeg();
    private static final byte[] PDF = SampleFiles.pdf();
    private static final byte[] WEBP = SampleFiles.webp();
    private static final byte[] WAV = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'};

    @Test
    void recognisesPhotosAndPdfsByTheirContent() {
        assertEquals(List.of(FileType.JPEG, FileType.PDF, FileType.WEBP), Upload.check(List.of(
                new Upload("a.jpg", JPEG), new Upload("b.pdf", PDF), new Upload("c.webp", WEBP))));
    }

    @Test
    void refusesFilesThatOnlyBeginLikeAPhotoOrAPdf() {
        for (byte[] forged : List.of(SampleFiles.magicThen(SampleFiles.png(), 8, "garbage"),
                SampleFiles.magicThen(JPEG, 3, "<html><script>alert(1)</script></html>"),
                SampleFiles.magicThen(PDF, 9, "<html></html>"))) {
            assertEquals("attachment.type.refused", assertThrows(KefuException.class,
                    () -> Upload.check(List.of(new Upload("forged", forged)))).messageKey());
        }
    }

    @Test
    void refusesAProgramRenamedToJpgAndOtherRiffFiles() {
        KefuException renamed = assertThrows(KefuException.class, () -> Upload.check(List.of(
                new Upload("photo.jpg", "MZ\u0090\u0000".getBytes()))));
        assertEquals("attachment.type.refused", renamed.messageKey());
        assertEquals("photo.jpg", renamed.arguments()[0]);
        assertThrows(KefuException.class, () -> Upload.check(List.of(new Upload("sound.webp", WAV))));
    }

    @Test
    void limitsCountAndSize() {
        assertEquals("attachment.too.many", assertThrows(KefuException.class, () -> Upload.check(
                Collections.nCopies(6, new Upload("a.jpg", JPEG)))).messageKey());
        byte[] big = new byte[Upload.MAX_FILE_BYTES + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertEquals("attachment.too.large", assertThrows(KefuException.class, () -> Upload.check(
                List.of(new Upload("big.jpg", big)))).messageKey());
        assertEquals("attachment.empty", assertThrows(KefuException.class, () -> Upload.check(
                List.of(new Upload("empty.jpg", new byte[0])))).messageKey());
    }

    @Test
    void keepsOnlyASafeFileName() {
        assertEquals("passwd", new Upload("../../etc/passwd", PDF).safeName());
        assertEquals("x.pdf", new Upload("C:\\Users\\me\\x.pdf", PDF).safeName());
        assertEquals("file", new Upload("  ", PDF).safeName());
        assertEquals("ab.jpg", new Upload("a\u0000b<>.jpg", PDF).safeName());
    }
}
