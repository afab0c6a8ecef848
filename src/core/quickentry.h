#pragma once

#include <QString>

#include <optional>

namespace kinlist {

// What a line typed into a shopping list's "Add an item" says: "2 l milk", "milk x2",
// "3 apples", "500g Mehl", "2 botellas de agua", "1,5 kg de pommes" read as quantity,
// unit and title. The units are those of English, German, Spanish and French (with their
// plurals and the metric symbols), whichever language the app speaks: families mix them.
// A line that says no amount is all title ("7up", "Vitamin B12" stay as they are).
struct QuickEntry
{
    QString title;
    std::optional<double> quantity; // 0 < quantity <= kMaxQuantity
    QString unit; // as typed ("Dosen", "kg"); empty for none

    static constexpr double kMaxQuantity = 1000000;

    static QuickEntry parse(const QString &text);
};

} // namespace kinlist
