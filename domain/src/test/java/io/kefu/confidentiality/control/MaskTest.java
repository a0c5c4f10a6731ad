package io.kefu.confidentiality.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void hidesTheMiddleFourDigitsOfAMobileNumber() {
        assertEquals("138****8000", Mask.phone("13812348000"));
        assertEquals("138****8000", Mask.phone("138 1234 8000"));
    }

    @Test
    void hidesTheSameFourDigitsOfAnInternationalNumber() {
        assertEquals("+86138****8000", Mask.phone("+86 138 1234 8000"));
        assertEquals("+4420****0958", Mask.phone("+44 20 7946 0958"));
    }

    @Test
    void keepsOnlyTheLastTwoDigitsOfAShortNumber() {
        assertEquals("*****67", Mask.phone("1234567"));
        assertEquals("***", Mask.phone("--"));
    }

    @Test
    void keepsTheFirstLetterAndTheDomainOfAnEmail() {
        assertEquals("z***@x.cn", Mask.email("zhang.san@x.cn"));
        assertEquals("***", Mask.email("no-at-sign"));
    }

    @Test
    void keepsTheFirstCharacterOfAName() {
        assertEquals("张*", Mask.name("张三"));
        assertEquals("欧***", Mask.name("欧阳娜娜"));
        assertEquals("*", Mask.name("张"));
    }

    @Test
    void hidesAnAddressWhole() {
        assertEquals("***", Mask.address("3栋2单元1201"));
    }

    @Test
    void leavesMissingValuesMissing() {
        assertNull(Mask.phone(null));
        assertNull(Mask.email(null));
        assertNull(Mask.name(null));
        assertNull(Mask.address(null));
    }

    @Test
    void masksEveryPersonalFieldOfAContactAtOnce() {
        Contact masked = new Contact("张三", "13812348000", "zhang.san@x.cn", "3栋1201").masked();
        assertEquals(new Contact("张*", "138****8000", "z***@x.cn", "***", true), masked);
        assertEquals(masked, masked.masked());
    }
}
