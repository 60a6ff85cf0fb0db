package org.gsweather.netcdf;

import io.jhdf.AttributeImpl;
import io.jhdf.Constants;
import io.jhdf.ObjectHeader;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.btree.BTreeV2;
import io.jhdf.btree.record.AttributeNameForIndexedAttributesRecord;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.AttributeMessage;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/**
 * The attributes of an HDF5 object with dense attribute storage, for the objects whose attributes jHDF
 * 0.13.0 cannot read: its {@code FractalHeap} finds only objects in the direct blocks listed before the
 * first empty entry of the root indirect block, and none in child indirect blocks. jHDF still reads the
 * object header, the attribute name index (v2 B-tree) and each attribute message; {@link FractalHeapObjects}
 * finds the messages in the heap.
 */
final class DenseAttributes {
    private DenseAttributes() {}

    /**
     * All attributes of {@code node} in creation order: those in its attribute heap, then those in its object
     * header.
     *
     * @param where the file, for messages
     * @throws UnsupportedDataException when they are not in dense storage or use a heap feature not supported
     * @throws DataFormatException when the heap or index is corrupt
     */
    static Map<String, Attribute> read(HdfBackingStorage storage, Node node, String where) throws DataFormatException {
        String what = where + "attributes of " + node.getPath();
        try {
            ObjectHeader header = ObjectHeader.readObjectHeader(storage, node.getAddress());
            if (!header.hasMessageOfType(AttributeInfoMessage.class)
                    || header.getMessageOfType(AttributeInfoMessage.class).getFractalHeapAddress()
                            == Constants.UNDEFINED_ADDRESS) {
                throw new UnsupportedDataException(what + ": not in dense attribute storage");
            }
            AttributeInfoMessage info = header.getMessageOfType(AttributeInfoMessage.class);
            FractalHeapObjects heap = new FractalHeapObjects(storage, info.getFractalHeapAddress(), what);
            List<AttributeNameForIndexedAttributesRecord> records = new ArrayList<>(
                    new BTreeV2<AttributeNameForIndexedAttributesRecord>(storage, info.getAttributeNameBTreeAddress())
                            .getRecords());
            records.sort(Comparator.comparingLong(AttributeNameForIndexedAttributesRecord::getCreationOrder));
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            for (AttributeNameForIndexedAttributesRecord r : records) {
                add(attributes, new AttributeMessage(heap.get(r.getHeapId()), storage, r.getFlags()), storage, node);
            }
            for (AttributeMessage m : header.getMessagesOfType(AttributeMessage.class)) {
                add(attributes, m, storage, node);
            }
            return attributes;
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new DataFormatException(what + ": " + e.getMessage() + " (corrupt file)", e);
        }
    }

    private static void add(
            Map<String, Attribute> attributes, AttributeMessage m, HdfBackingStorage storage, Node node) {
        attributes.put(m.getName(), new AttributeImpl(storage, node, m));
    }
}
