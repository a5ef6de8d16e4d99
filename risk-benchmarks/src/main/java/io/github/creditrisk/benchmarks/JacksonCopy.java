package io.github.creditrisk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The I/O limit of {@code risk eval}: a plain single-threaded Jackson read-tree-and-write of every line of a
 * JSON Lines file to standard output, with nothing decided.
 */
public final class JacksonCopy {

    private JacksonCopy() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(mapper.writeValueAsString(mapper.readTree(line)));
                out.write('\n');
            }
        }
    }
}
