#pragma once

#include <QString>

namespace kinlist {

// Ids of households, lists, items, users and clients: lower-case RFC 4122 UUIDs without
// braces ("3f2c...-...."), made by whoever creates the thing.
QString createUuid();
bool isValidUuid(const QString &s);

} // namespace kinlist
