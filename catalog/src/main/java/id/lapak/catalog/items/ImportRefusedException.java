package id.lapak.catalog.items;

/** An import that was not applied (it has bad rows, or nothing to do); nothing of it was written. */
public class ImportRefusedException extends RuntimeException {

    private final ImportPreview preview;

    public ImportRefusedException(ImportPreview preview) {
        super("Import refused: " + preview.errors().size() + " bad rows");
        this.preview = preview;
    }

    public ImportPreview preview() {
        return preview;
    }
}
