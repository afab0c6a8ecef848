#include "quickentry.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace kinlist {

namespace {

// The units a family writes before or after an amount, in the four languages, singular
// and plural, and the metric and imperial symbols.
const QStringList &units()
{
    static const QStringList all = [] {
        QStringList u = {
            // Symbols.
            // (No "mg": "Paracetamol 500 mg" is a medicine's name, not 500 mg of it.)
            QStringLiteral("g"), QStringLiteral("gr"), QStringLiteral("kg"), QStringLiteral("l"),
            QStringLiteral("ml"), QStringLiteral("cl"), QStringLiteral("dl"), QStringLiteral("lt"),
            QStringLiteral("oz"), QStringLiteral("lb"), QStringLiteral("lbs"),
            // English.
            QStringLiteral("pack"), QStringLiteral("packs"), QStringLiteral("packet"),
            QStringLiteral("packets"), QStringLiteral("can"), QStringLiteral("cans"),
            QStringLiteral("bottle"), QStringLiteral("bottles"), QStringLiteral("jar"),
            QStringLiteral("jars"), QStringLiteral("box"), QStringLiteral("boxes"),
            QStringLiteral("bag"), QStringLiteral("bags"), QStringLiteral("bunch"),
            QStringLiteral("bunches"), QStringLiteral("dozen"), QStringLiteral("piece"),
            QStringLiteral("pieces"), QStringLiteral("pc"), QStringLiteral("pcs"),
            QStringLiteral("loaf"), QStringLiteral("loaves"), QStringLiteral("tin"),
            QStringLiteral("tins"), QStringLiteral("carton"), QStringLiteral("cartons"),
            QStringLiteral("tub"), QStringLiteral("tubs"), QStringLiteral("roll"),
            QStringLiteral("rolls"), QStringLiteral("tube"), QStringLiteral("tubes"),
            QStringLiteral("slice"), QStringLiteral("slices"), QStringLiteral("head"),
            QStringLiteral("heads"),
            // German.
            QStringLiteral("Packung"), QStringLiteral("Packungen"), QStringLiteral("Pckg"),
            QStringLiteral("Pkg"), QStringLiteral("Pck"), QStringLiteral("Dose"),
            QStringLiteral("Dosen"), QStringLiteral("Flasche"), QStringLiteral("Flaschen"),
            QStringLiteral("Glas"), QStringLiteral("Gläser"), QStringLiteral("Beutel"),
            QStringLiteral("Bund"), QStringLiteral("Stück"), QStringLiteral("Stk"),
            QStringLiteral("Becher"), QStringLiteral("Tüte"), QStringLiteral("Tüten"),
            QStringLiteral("Kiste"), QStringLiteral("Kisten"), QStringLiteral("Karton"),
            QStringLiteral("Kartons"), QStringLiteral("Scheibe"), QStringLiteral("Scheiben"),
            QStringLiteral("Tafel"), QStringLiteral("Tafeln"), QStringLiteral("Dutzend"),
            QStringLiteral("Rolle"), QStringLiteral("Rollen"), QStringLiteral("Netz"),
            QStringLiteral("Schale"), QStringLiteral("Schalen"), QStringLiteral("Tube"),
            QStringLiteral("Tuben"), QStringLiteral("Kopf"), QStringLiteral("Köpfe"),
            // Spanish.
            QStringLiteral("paquete"), QStringLiteral("paquetes"), QStringLiteral("lata"),
            QStringLiteral("latas"), QStringLiteral("botella"), QStringLiteral("botellas"),
            QStringLiteral("bote"), QStringLiteral("botes"), QStringLiteral("bolsa"),
            QStringLiteral("bolsas"), QStringLiteral("caja"), QStringLiteral("cajas"),
            QStringLiteral("docena"), QStringLiteral("docenas"), QStringLiteral("manojo"),
            QStringLiteral("manojos"), QStringLiteral("pieza"), QStringLiteral("piezas"),
            QStringLiteral("tarro"), QStringLiteral("tarros"), QStringLiteral("unidad"),
            QStringLiteral("unidades"), QStringLiteral("barra"), QStringLiteral("barras"),
            QStringLiteral("rollo"), QStringLiteral("rollos"), QStringLiteral("cartón"),
            QStringLiteral("cartones"), QStringLiteral("bandeja"), QStringLiteral("bandejas"),
            QStringLiteral("malla"), QStringLiteral("mallas"),
            // French.
            QStringLiteral("paquet"), QStringLiteral("paquets"), QStringLiteral("boîte"),
            QStringLiteral("boîtes"), QStringLiteral("boite"), QStringLiteral("boites"),
            QStringLiteral("bouteille"), QStringLiteral("bouteilles"), QStringLiteral("sachet"),
            QStringLiteral("sachets"), QStringLiteral("pot"), QStringLiteral("pots"),
            QStringLiteral("botte"), QStringLiteral("bottes"), QStringLiteral("douzaine"),
            QStringLiteral("douzaines"), QStringLiteral("tranche"), QStringLiteral("tranches"),
            QStringLiteral("pièce"), QStringLiteral("pièces"), QStringLiteral("canette"),
            QStringLiteral("canettes"), QStringLiteral("brique"), QStringLiteral("briques"),
            QStringLiteral("rouleau"), QStringLiteral("rouleaux"), QStringLiteral("barquette"),
            QStringLiteral("barquettes"), QStringLiteral("tablette"), QStringLiteral("tablettes"),
            QStringLiteral("filet"), QStringLiteral("filets")};
        // Longest first, so "kg" is not read as "k" and "g", nor "Dosen" as "Dose".
        std::sort(u.begin(), u.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return u;
    }();
    return all;
}

// An amount: "2", "1.5", "1,5", "1/2", "½", "1½".
const QString kNumber = QStringLiteral(R"((\d+(?:[.,]\d+)?|\d+\s*/\s*\d+|\d*[½¼¾⅓⅔]))");
// "x2", "× 2", "2x": the marks of a count.
const QString kTimes = QStringLiteral("[x×X]");

QString unitPattern()
{
    QStringList escaped;
    for (const QString &u : units())
        escaped << QRegularExpression::escape(u);
    return QStringLiteral("(%1)").arg(escaped.join(QLatin1Char('|')));
}

QRegularExpression pattern(const QString &p)
{
    return QRegularExpression(QStringLiteral("^") + p + QStringLiteral("$"),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
}

std::optional<double> number(QString text)
{
    text.remove(QLatin1Char(' '));
    double whole = 0;
    double fraction = 0;
    static const QList<QPair<QChar, double>> vulgar = {
        {QChar(0x00BD), 0.5},     {QChar(0x00BC), 0.25},    {QChar(0x00BE), 0.75},
        {QChar(0x2153), 1.0 / 3}, {QChar(0x2154), 2.0 / 3},
    };
    for (const auto &[c, value] : vulgar) {
        if (text.endsWith(c)) {
            fraction = value;
            text.chop(1);
            if (text.isEmpty())
                return fraction;
        }
    }
    bool ok = false;
    if (const qsizetype slash = text.indexOf(QLatin1Char('/')); slash > 0) {
        const int top = text.left(slash).toInt(&ok);
        if (!ok)
            return std::nullopt;
        const int bottom = text.mid(slash + 1).toInt(&ok);
        if (!ok || bottom == 0)
            return std::nullopt;
        return double(top) / bottom;
    }
    whole = text.replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return whole + fraction;
}

} // namespace

QuickEntry QuickEntry::parse(const QString &text)
{
    QuickEntry entry;
    entry.title = text.simplified();
    const QString line = entry.title;
    const QString unit = unitPattern();
    // "of", "de", "d'": between a unit and what it measures ("2 kg de pommes").
    const QString joint = QStringLiteral(R"((?:(?:of|de)\s+|d['’]\s*)?)");
    struct Reading
    {
        QRegularExpression re;
        int number;
        int unit; // 0: none
        int title;
    };
    static const QList<Reading> readings = {
        // "2x Milch", "2 x milk"
        {pattern(kNumber + QStringLiteral(R"(\s*)") + kTimes + QStringLiteral(R"(\s+(.+))")), 1, 0,
         2},
        // "2 l milk", "500g Mehl", "2 Dosen Tomaten", "1,5 kg de pommes", "3 Stk. Äpfel"
        {pattern(kNumber + QStringLiteral(R"(\s*)") + unit + QStringLiteral(R"(\.?\s+)") + joint +
                 QStringLiteral("(.+)")),
         1, 2, 3},
        // "3 apples"
        {pattern(kNumber + QStringLiteral(R"(\s+(.+))")), 1, 0, 2},
        // "milk x2", "Milch × 3"
        {pattern(QStringLiteral(R"((.+?)\s+)") + kTimes + QStringLiteral(R"(\s*)") + kNumber), 2, 0,
         1},
        // "Milch 2x"
        {pattern(QStringLiteral(R"((.+?)\s+)") + kNumber + QStringLiteral(R"(\s*)") + kTimes), 2, 0,
         1},
        // "Mehl 1 kg", "milk 2l", "Tomaten 2 Dosen"
        {pattern(QStringLiteral(R"((.+?)\s+)") + kNumber + QStringLiteral(R"(\s*)") + unit +
                 QStringLiteral(R"(\.?)")),
         2, 3, 1},
    };
    for (const Reading &r : readings) {
        const QRegularExpressionMatch m = r.re.match(line);
        if (!m.hasMatch())
            continue;
        // "5G Router", "4G SIM": a capital letter glued to a number is a name, not grams.
        if (r.unit > 0 && m.captured(r.unit).size() == 1 && m.captured(r.unit).at(0).isUpper() &&
            m.capturedEnd(r.number) == m.capturedStart(r.unit))
            continue;
        const std::optional<double> amount = number(m.captured(r.number));
        const QString title = m.captured(r.title).trimmed();
        if (!amount || *amount <= 0 || *amount > kMaxQuantity || title.isEmpty())
            continue;
        entry.title = title;
        entry.quantity = amount;
        entry.unit = r.unit > 0 ? m.captured(r.unit) : QString();
        return entry;
    }
    return entry;
}

} // namespace kinlist
