package io.github.creditrisk.spark;

import io.github.creditrisk.json.RiskJson;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * A portfolio as the jobs read it: numbered JSON lines, from a JSON Lines file or from a {@code Dataset} of
 * profiles, and the ids that repeat in it. Every line keeps its number (from 0, as {@code zipWithIndex} gives it),
 * so the partitions stay in input order and an error line can name its line.
 */
final class Portfolios {

    /** The mapper every executor shares: thread-safe. */
    static final RiskJson JSON = RiskJson.create();

    private Portfolios() {
    }

    /** The lines of the JSON Lines file or directory at {@code path}, numbered from 0. */
    static JavaPairRDD<String, Long> lines(SparkSession spark, String path) {
        // Splits of a few times the cores: Spark's default of 128 MiB makes three of a 358 MB file, and on two
        // cores the third runs alone.
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return sc.textFile(path, 4 * sc.defaultParallelism()).zipWithIndex();
    }

    /** The profiles' contract columns (the others are left out) as JSON lines, numbered from 0 in row order. */
    static JavaPairRDD<String, Long> lines(Dataset<Row> profiles) {
        List<Column> columns = new ArrayList<>();
        List<String> present = Arrays.asList(profiles.columns());
        for (String field : SparkDecisions.PROFILE.fieldNames()) {
            if (present.contains(field)) {
                columns.add(col(field));
            }
        }
        return profiles.select(columns.toArray(new Column[0])).toJSON().javaRDD().zipWithIndex();
    }

    /**
     * The ids that appear on more than one line, each with the number (from 1) of its first line: usually none, so
     * they travel to every executor, and the lines keep their order without a shuffle.
     */
    static Broadcast<Map<String, Long>> repeatedIds(SparkSession spark, JavaPairRDD<String, Long> lines) {
        Map<String, Long> repeated = new HashMap<>(lines
                .mapPartitionsToPair(Portfolios::idsOf)
                .reduceByKey((a, b) -> new Tuple2<>(Math.min(a._1(), b._1()), a._2() + b._2()))
                .filter(t -> t._2()._2() > 1)
                .mapValues(Tuple2::_1)
                .collectAsMap());
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(repeated);
    }

    /** Each line's id (when it has one) with its line number and a count of one. */
    private static Iterator<Tuple2<String, Tuple2<Long, Long>>> idsOf(Iterator<Tuple2<String, Long>> lines) {
        List<Tuple2<String, Tuple2<Long, Long>>> ids = new ArrayList<>();
        while (lines.hasNext()) {
            Tuple2<String, Long> t = lines.next();
            if (t._1().length() <= JSON.limits().maxLineLength() && !t._1().isBlank()) {
                String id = JSON.readBorrowerLine(t._1()).borrowerId();
                if (id != null) {
                    ids.add(new Tuple2<>(id, new Tuple2<>(t._2() + 1, 1L)));
                }
            }
        }
        return ids.iterator();
    }
}
