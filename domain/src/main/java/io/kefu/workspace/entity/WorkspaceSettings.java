package io.kefu.workspace.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a tenant's workspace looks and what its intake form asks, as one row: the primary colour of its
 * resident pages, which contact fields a resident must give, how many files of what size they may attach,
 * and how much a customer grade shortens a case's deadlines (A/B/C, in percent of the normal deadline).
 * A tenant that never saved the workspace page works with {@link #defaults()}.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "workspace_settings")
@NamedQuery(name = WorkspaceSettings.OF_TENANT, query = "SELECT s FROM WorkspaceSettings s")
public class WorkspaceSettings extends TenantOwned {

    public static final String OF_TENANT = "WorkspaceSettings.ofTenant";
    /** Kefu's own blue: what pages use until a tenant picks a colour. */
    public static final String DEFAULT_COLOUR = "#1d4ed8";
    /** The system's own limits (see {@code Upload}); a tenant may only lower them. */
    public static final int MAX_FILES = 5;
    public static final int MAX_FILE_MB = 10;
    static final Pattern COLOUR = Pattern.compile("^#[0-9a-f]{6}$");
    /** White text on the colour must stay readable: WCAG AA for normal text (4.5:1). */
    static final double MIN_CONTRAST = 4.5;

    /** Which grade shortens the deadline how much, in percent of the normal one. */
    public record GradePercents(Integer a, Integer b, Integer c) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "primary_colour", length = 7)
    private String primaryColour;

    @Column(name = "required_fields", nullable = false, length = 100)
    private String requiredFields;

    @Column(name = "max_files", nullable = false)
    private int maxFiles;

    @Column(name = "max_file_mb", nullable = false)
    private int maxFileMb;

    @Column(name = "grade_a_percent", nullable = false)
    private int gradeAPercent;

    @Column(name = "grade_b_percent", nullable = false)
    private int gradeBPercent;

    @Column(name = "grade_c_percent", nullable = false)
    private int gradeCPercent;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WorkspaceSettings() {
        // for JPA
    }

    /**
     * Kefu's colour, no contact field required beyond the phone, the system's attachment limits, grades change
     * nothing.
     */
    public static WorkspaceSettings defaults() {
        WorkspaceSettings s = new WorkspaceSettings();
        s.requiredFields = "";
        s.maxFiles = MAX_FILES;
        s.maxFileMb = MAX_FILE_MB;
        s.gradeAPercent = 100;
        s.gradeBPercent = 100;
        s.gradeCPercent = 100;
        return s;
    }

    /**
     * Changes everything at once, checked as a whole: every field at fault is reported and nothing changes
     * unless all are right.
     */
    public void change(String colour, Set<IntakeField> required, Integer maxFiles, Integer maxFileMb,
            GradePercents grades) {
        String[] checkedColour = new String[1];
        int[] numbers = new int[5];
        GradePercents g = grades == null ? new GradePercents(null, null, null) : grades;
        KefuException.checkAll(
                () -> checkedColour[0] = colour(colour),
                () -> numbers[0] = Fields.range(maxFiles, "maxFiles", 0, MAX_FILES),
                () -> numbers[1] = Fields.range(maxFileMb, "maxFileMb", 1, MAX_FILE_MB),
                () -> numbers[2] = Fields.range(g.a(), "gradeAPercent", 10, 100),
                () -> numbers[3] = Fields.range(g.b(), "gradeBPercent", 10, 100),
                () -> numbers[4] = Fields.range(g.c(), "gradeCPercent", 10, 100));
        this.primaryColour = checkedColour[0];
        this.requiredFields = (required == null ? Set.<IntakeField>of() : required).stream().sorted()
                .map(Enum::name).collect(Collectors.joining(","));
        this.maxFiles = numbers[0];
        this.maxFileMb = numbers[1];
        this.gradeAPercent = numbers[2];
        this.gradeBPercent = numbers[3];
        this.gradeCPercent = numbers[4];
    }

    /**
     * A colour as {@code #rrggbb} (lower-cased; blank means Kefu's own), refused when white text on it would
     * not be readable — header and buttons put white text on the primary colour.
     */
    public static String colour(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String hex = value.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(hex).matches()) {
            throw KefuException.invalid("primaryColour", "workspace.colour.invalid", value.strip());
        }
        if (contrastWithWhite(hex) < MIN_CONTRAST) {
            throw KefuException.invalid("primaryColour", "workspace.colour.low.contrast", hex);
        }
        return hex;
    }

    /** WCAG 2 contrast ratio of white against {@code #rrggbb}: 1 (white) to 21 (black). */
    public static double contrastWithWhite(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The contact fields the tenant's residents must fill in (besides the description). */
    public Set<IntakeField> requiredFields() {
        Set<IntakeField> fields = EnumSet.noneOf(IntakeField.class);
        Arrays.stream(requiredFields.split(",")).filter(f -> !f.isBlank()).map(IntakeField::valueOf)
                .forEach(fields::add);
        return fields;
    }

    /** Checks a resident's attachments against the tenant's limits: how many, and how large each may be. */
    public void checkAttachments(int count, long largestBytes) {
        if (count > maxFiles) {
            throw KefuException.invalid("files", "attachment.too.many", maxFiles);
        }
        if (largestBytes > maxFileMb * 1024L * 1024L) {
            throw KefuException.invalid("files", "workspace.attachment.too.large", maxFileMb);
        }
    }

    /** Percent of the normal deadline for a resident of this grade ("A", "B", "C"); 100 without a grade. */
    public int deadlinePercent(String grade) {
        if (grade == null) {
            return 100;
        }
        return switch (grade) {
            case "A" -> gradeAPercent;
            case "B" -> gradeBPercent;
            case "C" -> gradeCPercent;
            default -> 100;
        };
    }

    public Map<String, Integer> gradePercents() {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        map.put("A", gradeAPercent);
        map.put("B", gradeBPercent);
        map.put("C", gradeCPercent);
        return map;
    }

    /** The tenant's colour, or Kefu's own. */
    public String primaryColour() {
        return primaryColour == null ? DEFAULT_COLOUR : primaryColour;
    }

    public boolean hasOwnColour() {
        return primaryColour != null;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public int maxFileMb() {
        return maxFileMb;
    }

    public long version() {
        return version;
    }
}
