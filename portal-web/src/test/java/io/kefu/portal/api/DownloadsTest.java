package io.kefu.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void aNameCannotBreakOutOfTheHeader() {
        assertEquals("attachment; filename=\"a_b_.pdf__x_y\"; filename*=UTF-8''a%22b%3B.pdf%0D%0Ax%3Dy",
                Downloads.disposition("attachment", "a\"b;.pdf\r\nx=y"));
        assertEquals("inline; filename=\"___.png\"; filename*=UTF-8''%E6%BC%8F%E6%B0%B4%E7%85%A7.png",
                Downloads.disposition("inline", "漏水照.png"));
    }
}
