package id.lapak.cardcrypto.tr31;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a version D key block header (ANSI X9.143): key usage (e.g. {@code B1} initial DUKPT key,
 * {@code P0} PIN encryption, {@code K1} key block protection key), algorithm ({@code A} AES, {@code T} TDES), mode
 * of use ({@code X} derive keys, {@code E} encrypt, {@code B} both ways, ...), key version number, exportability
 * ({@code E}, {@code N}, {@code S}), key context and the optional blocks. The block length and the count of
 * optional blocks are computed when the block is written.
 */
public record KeyBlockHeader(
        String keyUsage,
        char algorithm,
        char modeOfUse,
        String keyVersion,
        char exportability,
        char keyContext,
        List<OptionalBlock> optionalBlocks) {

    public static final char VERSION_D = 'D';
    static final int LENGTH = 16;

    public KeyBlockHeader {
        if (keyUsage == null || keyUsage.length() != 2 || !OptionalBlock.isAlphanumeric(keyUsage)) {
            throw new IllegalArgumentException("key usage is two letters or digits, e.g. B1");
        }
        if (keyVersion == null || keyVersion.length() != 2 || !OptionalBlock.isAlphanumeric(keyVersion)) {
            throw new IllegalArgumentException("key version number is two letters or digits, e.g. 00");
        }
        for (char c : new char[] {algorithm, modeOfUse, exportability, keyContext}) {
            if (!OptionalBlock.isAlphanumeric(String.valueOf(c))) {
                throw new IllegalArgumentException("header fields are letters or digits");
            }
        }
        optionalBlocks = List.copyOf(optionalBlocks);
        if (optionalBlocks.size() > 99) {
            throw new IllegalArgumentException("at most 99 optional blocks");
        }
    }

    /** Key version {@code 00}, exportable under a trusted key ({@code E}), key context {@code 0}, no optional blocks. */
    public static KeyBlockHeader of(String keyUsage, char algorithm, char modeOfUse) {
        return new KeyBlockHeader(keyUsage, algorithm, modeOfUse, "00", 'E', '0', List.of());
    }

    public KeyBlockHeader withOptionalBlock(String id, String data) {
        var blocks = new ArrayList<>(optionalBlocks);
        blocks.add(new OptionalBlock(id, data));
        return new KeyBlockHeader(keyUsage, algorithm, modeOfUse, keyVersion, exportability, keyContext, blocks);
    }

    public KeyBlockHeader withKeyVersion(String version) {
        return new KeyBlockHeader(keyUsage, algorithm, modeOfUse, version, exportability, keyContext, optionalBlocks);
    }

    public KeyBlockHeader withExportability(char value) {
        return new KeyBlockHeader(keyUsage, algorithm, modeOfUse, keyVersion, value, keyContext, optionalBlocks);
    }

    /** The data of the first optional block with this ID. */
    public Optional<String> optionalBlock(String id) {
        return optionalBlocks.stream()
                .filter(b -> b.id().equals(id))
                .map(OptionalBlock::data)
                .findFirst();
    }
}
