#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace kinlist::ui {

// Quick entry's built-in knowledge of groceries in one language: the category of a title
// ("Milch": "Milchprodukte & Eier") and the categories in the order a shop has them. Read
// from the app's resources (resources/categories/<code>.tsv: "@<TAB>category" lines in
// shop order, then "title<TAB>category" lines); a language without a file knows nothing.
// A family's own choice for a title (LocalStore::remembered) always comes first.
class Categories
{
public:
    // The dictionary of language `code` ("de"), read once per process.
    static const Categories &of(const QString &code);
    // A dictionary from text in the file's format (lines it cannot read are skipped).
    static Categories parse(const QString &text);

    // The category of `title` (any case; else of its last word, then its first: "Oat
    // milk" is milk); "" when it knows none.
    QString categoryOf(const QString &title) const;
    // Whether it knows `title` itself (any case), not only a word of it.
    bool knows(const QString &title) const
    {
        return m_byTitle.contains(title.simplified().toCaseFolded());
    }
    // The categories in shop order.
    QStringList order() const { return m_order; }
    int size() const { return int(m_byTitle.size()); }

private:
    QHash<QString, QString> m_byTitle; // case-folded title: category
    QStringList m_order;
};

} // namespace kinlist::ui
