package io.kefu.resident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.resident.entity.Grade;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.Unit;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a record shows of its entries on the register: the best grade, every name and phone once, each unit. */
class CustomerRecordTest {

    private static final CustomerHistory.Page NO_HISTORY = new CustomerHistory.Page(List.of(), 0, 20, 0);

    @Test
    void theBestGradeOfTheEntriesIsTheCustomersGrade() {
        assertEquals(Optional.of(Grade.A), CustomerRecord.bestGrade(List.of(Grade.C, Grade.A, Grade.B)));
        assertEquals(Optional.of(Grade.B), CustomerRecord.bestGrade(Arrays.asList(null, Grade.B, Grade.C)));
        assertEquals(Optional.empty(), CustomerRecord.bestGrade(Arrays.asList(null, null)));
    }

    @Test
    void anOwnerOfTwoFlatsShowsBothUnitsTheBestGradeAndEachNameAndPhoneOnce() {
        Customer owner = new Customer(CustomerKind.RESIDENT, "王芳", Clock.systemUTC());
        owner.describe(CustomerKind.RESIDENT, "王芳", true, "huijing.staff", "喜欢电话联系");
        List<Resident> entries = List.of(
                new Resident(new Unit("3栋", "1502", null), owner, "王芳", "13800138000", null, Grade.B),
                new Resident(new Unit("5栋", "0801", null), owner, "王芳（租客代管）", "13800138000", null, Grade.A));

        CustomerRecord record = CustomerRecord.of(owner, entries, NO_HISTORY);

        assertEquals(Grade.A, record.grade());
        assertEquals(List.of("王芳", "王芳（租客代管）"), record.names());
        assertEquals(List.of("13800138000"), record.phones());
        assertEquals(List.of("3栋 1502", "5栋 0801"), record.places().stream().map(CustomerRecord.Place::label)
                .toList());
        assertTrue(record.vip());
        assertTrue(record.keyCustomer());
        assertEquals("huijing.staff", record.handler());
    }

    @Test
    void withoutAHandlerTheCustomerIsNoKeyCustomerAndUngradedEntriesGiveNoGrade() {
        Customer shop = new Customer(CustomerKind.SHOP, "茶饮店", Clock.systemUTC());
        CustomerRecord record = CustomerRecord.of(shop, List.of(
                new Resident(new Unit("L1", "012", null), shop, "茶饮店", "02088886666", null, null)), NO_HISTORY);

        assertFalse(record.keyCustomer());
        assertNull(record.grade());
    }

    @Test
    void keysTheMigrationMadeFromTheRegisterAreKeysToo() {
        assertTrue(Customer.isKey("0f3a91bc7d20"), "V26 made hex keys");
        assertFalse(Customer.isKey("0F3A91BC7D20"));
        assertFalse(Customer.isKey("0f3a91bc7d2"));
        assertFalse(Customer.isKey("0f3a91bc7d2/"));
    }
}
