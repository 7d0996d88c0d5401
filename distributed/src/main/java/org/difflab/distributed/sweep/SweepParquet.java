package org.difflab.distributed.sweep;

import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.difflab.distributed.io.AtomicFile;

/**
 * The table as one Parquet file (a single row group, uncompressed: a sweep's table is small), written on the driver
 * with Parquet's own writer, so that it lands on the driver's disk whatever the cluster (Spark's writers would write
 * from the executors). Columns and types as {@link SweepColumns}: int32, int64, double, boolean, UTF-8 strings, all
 * required; readable by Spark ({@code spark.read.parquet}), pandas and DuckDB.
 */
public final class SweepParquet {
    private SweepParquet() {}

    /** The Parquet schema of the table. */
    public static MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (SweepColumns.Column c : SweepColumns.ALL) {
            switch (c.type()) {
                case INT -> b.required(PrimitiveTypeName.INT32).named(c.name());
                case LONG -> b.required(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> b.required(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> b.required(PrimitiveTypeName.BOOLEAN).named(c.name());
                case STRING -> b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            }
        }
        return b.named("sweep");
    }

    public static void write(Path file, List<SweepRow> rows) {
        MessageType schema = schema();
        AtomicFile.write(file, temp -> {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(temp)).withType(schema)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
                for (SweepRow r : rows) {
                    Group g = groups.newGroup();
                    for (SweepColumns.Column c : SweepColumns.ALL) {
                        Object v = c.value().apply(r);
                        switch (c.type()) {
                            case INT -> g.append(c.name(), (Integer) v);
                            case LONG -> g.append(c.name(), (Long) v);
                            case DOUBLE -> g.append(c.name(), (Double) v);
                            case BOOLEAN -> g.append(c.name(), (Boolean) v);
                            case STRING -> g.append(c.name(), (String) v);
                        }
                    }
                    w.write(g);
                }
            }
        });
    }
}
