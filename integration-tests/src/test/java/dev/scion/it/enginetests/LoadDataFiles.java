package dev.scion.it.enginetests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;

import dev.scion.it.harness.ItConfig;

/**
 * The input files of go-mysql-server's LOAD DATA tests (test resources enginetests/testdata), copied to one
 * directory that the server is started with as {@code --secure-file-priv}. The tests name them {@code
 * ./testdata/NAME}, a path go-mysql-server reads from its working directory; MySQL would read it from the data
 * directory, so the statements are pointed at the copied directory instead.
 */
final class LoadDataFiles {
    private static final List<String> NAMES = List.of("test1.txt", "test2.csv", "test3.csv", "test6.csv",
            "test8.txt", "test9.txt", "loaddata_term_in_field.dat", "loaddata_escape.dat", "loaddata_enclosed.dat",
            "loaddata_mixed_escapes.dat", "loaddata_single_quotes.dat", "loaddata_nulls.dat", "loaddata_eof.dat",
            "loaddata_enc_esc_eq.dat", "loaddata_lborder_null.dat", "loaddata_null_in_field.dat",
            "loaddata_unterminated.dat");
    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("'\\./testdata/");

    private final Path dir;

    private LoadDataFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes the files to a fresh directory under the build's target directory. */
    static LoadDataFiles prepare() throws IOException {
        Path dir = ItConfig.targetDir().resolve("engine-tests-testdata").toAbsolutePath();
        Files.createDirectories(dir);
        for (String name : NAMES) {
            try (InputStream in = LoadDataFiles.class.getResourceAsStream("/enginetests/testdata/" + name)) {
                if (in == null) {
                    throw new IOException("test resource enginetests/testdata/" + name + " is missing");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // test10.txt: rows whose text column is longer than 64 KB (65,535, 100,000 and 1,000,000 characters)
        StringBuilder big = new StringBuilder();
        int id = 1;
        for (int length : new int[] {65_535, 100_000, 1_000_000}) {
            big.append(id++).append(',').append("A".repeat(length)).append('\n');
        }
        Files.writeString(dir.resolve("test10.txt"), big);
        return new LoadDataFiles(dir);
    }

    /** The server option that lets LOAD DATA INFILE read these files. */
    List<String> serverArgs() {
        return List.of("--secure-file-priv", dir.toString());
    }

    /** The statement with {@code './testdata/NAME'} naming the copied file. */
    String rewrite(String sql) {
        return RELATIVE.matcher(sql).replaceAll(Matcher.quoteReplacement("'" + dir + "/"));
    }
}
