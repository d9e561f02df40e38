package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.Tag;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Iterator;
import java.util.Optional;

/** dolt_tags: every tag, the commit it names and, for annotated tags, tagger and message. */
final class DoltTagsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_tags";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("tag_name", Columns.text(f, 1024)).add("tag_hash", Columns.hash(f))
                .add("tagger", Columns.text(f, 1024)).add("email", Columns.text(f, 1024))
                .add("date", Columns.datetime(f)).add("message", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Iterator<String> names = db.repo().tags().iterator();
        return () -> {
            while (names.hasNext()) {
                String n = names.next();
                Optional<Hash> ref = db.repo().tagRef(n);
                if (ref.isEmpty()) {
                    continue;
                }
                Optional<Tag> t = db.repo().readTagObject(ref.get());
                if (t.isPresent()) {
                    Tag tag = t.get();
                    return new Object[] {n, tag.target().toString(), tag.tagger().name(), tag.tagger().email(),
                        DoltLogTable.toDateTime(tag.tagger().timeMillis()), tag.message()};
                }
                Commit c = db.repo().readCommit(ref.get());
                return new Object[] {n, ref.get().toString(), c.committer().name(), c.committer().email(),
                    DoltLogTable.toDateTime(c.committer().timeMillis()), ""};
            }
            return null;
        };
    }
}
