package io.kefu.resident.entity;

import io.kefu.export.Csv;
import io.kefu.resident.control.ResidentList;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One import of a resident file, kept in the database rather than in one node's memory so that whichever node
 * answers the page's progress poll or the report download sees it. Holds the counts and the refused rows, as
 * message keys (the report is translated for whoever downloads it).
 *
 * <p>The rows are taken on one node's thread. If that node dies the import's transaction dies with it (nothing of
 * the file is taken) but the row would say RUNNING for ever: so a running import also records when it last showed
 * a sign of life (its start, each progress report), and one silent for {@link #SILENCE_LIMIT} is given up by
 * whichever node reads it next ({@link #abandonIfSilent}), failed with its own reason.
 */
@Entity
@Table(name = "resident_import")
@NamedQuery(name = ResidentImport.BY_ID, query = "SELECT i FROM ResidentImport i WHERE i.id = :id")
public class ResidentImport extends TenantOwned {

    public static final String BY_ID = "ResidentImport.byId";
    public static final int FILE_NAME_MAXLENGTH = 200;
    /** Report lines kept; a file with more bad rows than this is reported up to here. */
    public static final int MAX_REPORTED = 2_000;
    static final int REPORT_MAXLENGTH = 200_000;
    static final int ARGUMENT_MAXLENGTH = 60;

    public enum Status { RUNNING, DONE, FAILED }

    /** Why an import failed: the rows could not be written (the database failed). */
    public static final String FAILED = "residents.import.failed";
    /** Why an import failed: the node taking its rows stopped (it showed no sign of life for too long). */
    public static final String ABANDONED = "residents.import.abandoned";
    /**
     * A running import reports progress every 100 rows (a fraction of a second of work), and the file is read
     * before the first report in seconds; five silent minutes mean the node taking it is gone.
     */
    public static final Duration SILENCE_LIMIT = Duration.ofMinutes(5);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = FILE_NAME_MAXLENGTH)
    private String fileName;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "done_rows", nullable = false)
    private int doneRows;

    @Column(name = "imported", nullable = false)
    private int imported;

    @Column(name = "rejected", nullable = false)
    private int rejected;

    /** One refused row a line: row, field, message key and arguments separated by TAB. */
    @Column(name = "report", length = REPORT_MAXLENGTH)
    private String report;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** The last sign of life of a running import: its start, then each progress report. */
    @Column(name = "progress_at")
    private OffsetDateTime progressAt;

    /** The message key of why a failed import failed ({@link #FAILED} for rows written before it existed). */
    @Column(name = "failure", length = 64)
    private String failure;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ResidentImport() {
        // for JPA
    }

    public ResidentImport(String fileName, String startedBy, int totalRows, Clock clock) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        this.fileName = name.length() > FILE_NAME_MAXLENGTH
                ? name.substring(name.length() - FILE_NAME_MAXLENGTH) : name;
        this.startedBy = startedBy == null ? "?" : startedBy;
        this.totalRows = totalRows;
        this.status = Status.RUNNING;
        this.startedAt = OffsetDateTime.now(clock);
        this.progressAt = startedAt;
    }

    /** The work has reached {@code doneRows} of {@link #totalRows()}; a sign of life. A finished import stays. */
    public void progress(int doneRows, Clock clock) {
        if (status != Status.RUNNING) {
            return;
        }
        this.doneRows = Math.min(doneRows, totalRows);
        this.progressAt = OffsetDateTime.now(clock);
    }

    /**
     * Gives the import up when it is still running but has shown no sign of life for {@link #SILENCE_LIMIT}: the
     * node taking it is gone, and its transaction, nothing of the file, with it. True when it was given up now.
     */
    public boolean abandonIfSilent(Clock clock) {
        if (!isSilent(clock)) {
            return false;
        }
        failWith(ABANDONED);
        this.finishedAt = OffsetDateTime.now(clock);
        return true;
    }

    /** True when a node should give this import up ({@link #abandonIfSilent}), without changing it. */
    public boolean isSilent(Clock clock) {
        OffsetDateTime lastSign = progressAt == null ? startedAt : progressAt;
        return status == Status.RUNNING && !lastSign.plus(SILENCE_LIMIT).isAfter(OffsetDateTime.now(clock));
    }

    /**
     * Records the outcome. Refused once the import was given up: it was reported failed with nothing taken, so
     * the rows of this late finish must not be committed either (the caller's transaction rolls back).
     */
    public void finish(int imported, List<ResidentList.Rejection> rejections, Clock clock) {
        if (status != Status.RUNNING) {
            throw new IllegalStateException("Import " + id + " was given up (" + failure + ") before it finished");
        }
        this.imported = imported;
        this.rejected = rejections.size();
        this.doneRows = totalRows;
        StringBuilder lines = new StringBuilder();
        for (ResidentList.Rejection r : rejections.subList(0, Math.min(rejections.size(), MAX_REPORTED))) {
            String line = r.row() + "\t" + r.field() + "\t" + r.messageKey()
                    + r.arguments().stream().map(a -> "\t" + clean(a)).collect(Collectors.joining());
            if (lines.length() + line.length() + 1 > REPORT_MAXLENGTH) {
                // A file of long bad cells is reported up to what the column holds, never failing the import.
                break;
            }
            lines.append(lines.length() == 0 ? "" : "\n").append(line);
        }
        this.report = lines.toString();
        this.status = Status.DONE;
        this.finishedAt = OffsetDateTime.now(clock);
    }

    /** The rows could not be written: nothing of this file was taken. An import already given up keeps its reason. */
    public void fail() {
        if (status == Status.RUNNING) {
            failWith(FAILED);
        }
    }

    private void failWith(String reason) {
        this.status = Status.FAILED;
        this.failure = reason;
        this.imported = 0;
        this.doneRows = totalRows;
    }

    /** The message key of why it failed; empty unless it failed. */
    public java.util.Optional<String> failure() {
        return status != Status.FAILED ? java.util.Optional.empty()
                : java.util.Optional.of(failure == null ? FAILED : failure);
    }

    /** A cell quoted in the report: one line, at most {@link #ARGUMENT_MAXLENGTH} characters. */
    private static String clean(Object argument) {
        String text = String.valueOf(argument).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return text.length() <= ARGUMENT_MAXLENGTH ? text : text.substring(0, ARGUMENT_MAXLENGTH - 1) + "…";
    }

    /** The refused rows as they were recorded. */
    public List<ResidentList.Rejection> rejections() {
        List<ResidentList.Rejection> rows = new ArrayList<>();
        if (report == null || report.isEmpty()) {
            return rows;
        }
        for (String line : report.split("\n")) {
            String[] parts = line.split("\t", -1);
            rows.add(new ResidentList.Rejection(Integer.parseInt(parts[0]), parts[1], parts[2],
                    List.<Object>copyOf(Arrays.asList(parts).subList(3, parts.length))));
        }
        return rows;
    }

    /**
     * The refused rows as a CSV file ({@link Csv}: UTF-8 with a byte-order mark, so spreadsheet programs read
     * Chinese): row, column, reason, under the given header, reasons in the reader's language.
     */
    public byte[] reportCsv(List<String> header, Function<ResidentList.Rejection, String> reason) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(header);
        for (ResidentList.Rejection r : rejections()) {
            rows.add(Arrays.asList(r.row(), r.field(), reason.apply(r)));
        }
        return Csv.write(rows);
    }

    /** 0–100, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, doneRows * 100L / totalRows);
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public Status status() {
        return status;
    }

    /** Finished, well or not: the page stops polling. */
    public boolean isDone() {
        return status != Status.RUNNING;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    public int totalRows() {
        return totalRows;
    }

    public int imported() {
        return imported;
    }

    public int rejected() {
        return rejected;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }
}
