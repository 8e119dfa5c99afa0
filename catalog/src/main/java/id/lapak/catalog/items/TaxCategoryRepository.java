package id.lapak.catalog.items;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaxCategoryRepository extends JpaRepository<TaxCategory, UUID> {

    List<TaxCategory> findByDeletedFalseOrderByName();
}
