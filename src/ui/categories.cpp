#include "categories.h"

#include <QFile>
#include <QMap>

namespace kinlist::ui {

const Categories &Categories::of(const QString &code)
{
    // Made on the GUI thread only (quick entry); kept for the life of the process.
    static QMap<QString, Categories> loaded;
    auto it = loaded.find(code);
    if (it == loaded.end()) {
        QFile file(QStringLiteral(":/categories/%1.tsv").arg(code));
        const QString text =
            file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        it = loaded.insert(code, parse(text));
    }
    return *it;
}

Categories Categories::parse(const QString &text)
{
    Categories c;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() != 2 || parts.at(1).trimmed().isEmpty())
            continue;
        const QString category = parts.at(1).trimmed();
        if (parts.at(0) == QLatin1String("@")) {
            if (!c.m_order.contains(category))
                c.m_order.append(category);
        } else if (c.m_order.contains(category)) {
            c.m_byTitle.insert(parts.at(0).simplified().toCaseFolded(), category);
        }
    }
    return c;
}

QString Categories::categoryOf(const QString &title) const
{
    const QString key = title.simplified().toCaseFolded();
    if (key.isEmpty())
        return {};
    if (const auto it = m_byTitle.constFind(key); it != m_byTitle.constEnd())
        return *it;
    const QStringList words = key.split(QLatin1Char(' '));
    if (words.size() < 2)
        return {};
    for (const QString &word : {words.constLast(), words.constFirst()}) {
        if (const auto it = m_byTitle.constFind(word); it != m_byTitle.constEnd())
            return *it;
    }
    return {};
}

} // namespace kinlist::ui
