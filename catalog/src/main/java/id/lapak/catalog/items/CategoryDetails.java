package id.lapak.catalog.items;

import java.util.UUID;

/** A category; {@code parentId} is set for a subcategory (one level of nesting). */
public record CategoryDetails(UUID id, String name, UUID parentId) {}
