package id.lapak.catalog.items;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VariantRepository extends JpaRepository<Variant, UUID> {

    List<Variant> findByItemIdAndDeletedFalseOrderByPosition(UUID itemId);

    List<Variant> findByItemIdInAndDeletedFalse(Collection<UUID> itemIds);

    @Query("select v from Variant v where v.deleted = false and lower(v.sku) = lower(:sku)")
    Optional<Variant> findBySku(String sku);

    @Query("select v from Variant v where v.deleted = false and v.barcode = :barcode")
    Optional<Variant> findByBarcode(String barcode);

    @Query("select v from Variant v where v.deleted = false and lower(v.sku) in :skus")
    List<Variant> findBySkus(Collection<String> skus);

    @Query("select v from Variant v where v.deleted = false and v.barcode in :barcodes")
    List<Variant> findByBarcodes(Collection<String> barcodes);

    @Query("""
            select v, i from Variant v join Item i on i.id = v.itemId
            where v.id in :ids
            """)
    List<Object[]> findWithItems(Collection<UUID> ids);

    @Query(value = """
            select v, i from Variant v join Item i on i.id = v.itemId
            where v.deleted = false and i.deleted = false
              and (:search = '' or lower(i.name) like :search or lower(v.name) like :search
                   or lower(v.sku) like :search or v.barcode = :exact)
            """, countQuery = """
            select count(v) from Variant v join Item i on i.id = v.itemId
            where v.deleted = false and i.deleted = false
              and (:search = '' or lower(i.name) like :search or lower(v.name) like :search
                   or lower(v.sku) like :search or v.barcode = :exact)
            """)
    Page<Object[]> searchWithItems(String search, String exact, Pageable pageable);
}
