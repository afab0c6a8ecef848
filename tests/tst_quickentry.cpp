// Quick entry: a line typed into a shopping list read as quantity, unit and title, in
// English, German, Spanish and French; lines that say no amount stay whole.
#include "core/quickentry.h"

#include <QTest>

using namespace kinlist;

class TestQuickEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("title");
        QTest::addColumn<double>("quantity"); // 0: none
        QTest::addColumn<QString>("unit");

        auto row = [](const char *name, const QString &typed, const QString &title, double quantity,
                      const QString &unit) {
            QTest::newRow(name) << typed << title << quantity << unit;
        };
        // English.
        row("en amount unit", QStringLiteral("2 l milk"), QStringLiteral("milk"), 2,
            QStringLiteral("l"));
        row("en count after", QStringLiteral("milk x2"), QStringLiteral("milk"), 2, {});
        row("en count after, spaced", QStringLiteral("milk × 3"), QStringLiteral("milk"), 3, {});
        row("en count before", QStringLiteral("3 apples"), QStringLiteral("apples"), 3, {});
        row("en unit of", QStringLiteral("1 can of beans"), QStringLiteral("beans"), 1,
            QStringLiteral("can"));
        row("en glued unit", QStringLiteral("500g flour"), QStringLiteral("flour"), 500,
            QStringLiteral("g"));
        row("en decimal", QStringLiteral("1.5 kg potatoes"), QStringLiteral("potatoes"), 1.5,
            QStringLiteral("kg"));
        row("en fraction", QStringLiteral("1/2 lb butter"), QStringLiteral("butter"), 0.5,
            QStringLiteral("lb"));
        row("en vulgar fraction", QStringLiteral("½ l cream"), QStringLiteral("cream"), 0.5,
            QStringLiteral("l"));
        row("en unit after", QStringLiteral("flour 1 kg"), QStringLiteral("flour"), 1,
            QStringLiteral("kg"));
        row("en unit word alone is the item", QStringLiteral("3 rolls"), QStringLiteral("rolls"), 3,
            {});
        row("en 2x before", QStringLiteral("2x bread"), QStringLiteral("bread"), 2, {});
        row("en spaces", QStringLiteral("  2   l   milk "), QStringLiteral("milk"), 2,
            QStringLiteral("l"));
        // German.
        row("de Liter", QStringLiteral("2 l Milch"), QStringLiteral("Milch"), 2,
            QStringLiteral("l"));
        row("de Dosen", QStringLiteral("2 Dosen Tomaten"), QStringLiteral("Tomaten"), 2,
            QStringLiteral("Dosen"));
        row("de Stk.", QStringLiteral("3 Stk. Äpfel"), QStringLiteral("Äpfel"), 3,
            QStringLiteral("Stk"));
        row("de Komma", QStringLiteral("1,5 kg Kartoffeln"), QStringLiteral("Kartoffeln"), 1.5,
            QStringLiteral("kg"));
        row("de 2x", QStringLiteral("Milch 2x"), QStringLiteral("Milch"), 2, {});
        row("de Einheit danach", QStringLiteral("Tomaten 2 Dosen"), QStringLiteral("Tomaten"), 2,
            QStringLiteral("Dosen"));
        row("de Gläser", QStringLiteral("2 Gläser Gurken"), QStringLiteral("Gurken"), 2,
            QStringLiteral("Gläser"));
        row("de upper case unit", QStringLiteral("1 STÜCK Butter"), QStringLiteral("Butter"), 1,
            QStringLiteral("STÜCK"));
        row("de Anzahl", QStringLiteral("6 Eier"), QStringLiteral("Eier"), 6, {});
        // Spanish.
        row("es botellas de", QStringLiteral("2 botellas de agua"), QStringLiteral("agua"), 2,
            QStringLiteral("botellas"));
        row("es kg de", QStringLiteral("1 kg de patatas"), QStringLiteral("patatas"), 1,
            QStringLiteral("kg"));
        row("es count", QStringLiteral("3 manzanas"), QStringLiteral("manzanas"), 3, {});
        row("es x", QStringLiteral("leche x2"), QStringLiteral("leche"), 2, {});
        // French.
        row("fr kg de", QStringLiteral("1,5 kg de pommes"), QStringLiteral("pommes"), 1.5,
            QStringLiteral("kg"));
        row("fr d'", QStringLiteral("1 l d'huile"), QStringLiteral("huile"), 1,
            QStringLiteral("l"));
        row("fr boîtes", QStringLiteral("2 boîtes de thon"), QStringLiteral("thon"), 2,
            QStringLiteral("boîtes"));
        row("fr count", QStringLiteral("6 œufs"), QStringLiteral("œufs"), 6, {});
        row("fr x", QStringLiteral("lait x3"), QStringLiteral("lait"), 3, {});
        // No amount: the whole line is the title.
        row("plain", QStringLiteral("Milk"), QStringLiteral("Milk"), 0, {});
        row("number in a name", QStringLiteral("Vitamin B12"), QStringLiteral("Vitamin B12"), 0,
            {});
        row("glued to a word", QStringLiteral("7up"), QStringLiteral("7up"), 0, {});
        row("percent", QStringLiteral("Milch 3,5%"), QStringLiteral("Milch 3,5%"), 0, {});
        row("bare number after", QStringLiteral("Eggs 12"), QStringLiteral("Eggs 12"), 0, {});
        row("size letters", QStringLiteral("2 XL shirts"), QStringLiteral("XL shirts"), 2, {});
        row("unit word as the item", QStringLiteral("2 l"), QStringLiteral("l"), 2, {});
        row("zero", QStringLiteral("0 fat yoghurt"), QStringLiteral("0 fat yoghurt"), 0, {});
        row("too many", QStringLiteral("2000000 pins"), QStringLiteral("2000000 pins"), 0, {});
        row("divide by zero", QStringLiteral("1/0 l milk"), QStringLiteral("1/0 l milk"), 0, {});
        row("only a number", QStringLiteral("42"), QStringLiteral("42"), 0, {});
        row("a medicine's strength", QStringLiteral("Paracetamol 500 mg"),
            QStringLiteral("Paracetamol 500 mg"), 0, {});
        row("a network, not grams", QStringLiteral("5G Router"), QStringLiteral("5G Router"), 0,
            {});
        row("a capital litre, spaced", QStringLiteral("1 L Milch"), QStringLiteral("Milch"), 1,
            QStringLiteral("L"));
        row("empty", QString(), QString(), 0, {});
    }
    void reads()
    {
        QFETCH(QString, typed);
        QFETCH(QString, title);
        QFETCH(double, quantity);
        QFETCH(QString, unit);
        const QuickEntry entry = QuickEntry::parse(typed);
        QCOMPARE(entry.title, title);
        QCOMPARE(entry.quantity.has_value(), quantity > 0);
        if (quantity > 0)
            QCOMPARE(*entry.quantity, quantity);
        QCOMPARE(entry.unit, unit);
    }

    // Whatever is typed, it reads without crashing, and a title is never lost.
    void anyLineKeepsATitle()
    {
        const QStringList lines = {QStringLiteral("x"),       QStringLiteral("x2"),
                                   QStringLiteral("2x"),      QStringLiteral("× ×"),
                                   QStringLiteral("½"),       QStringLiteral("1/"),
                                   QStringLiteral("/2 l a"),  QString(5000, QLatin1Char('9')),
                                   QStringLiteral("2 kg de"), QStringLiteral("1 l d'")};
        for (const QString &line : lines) {
            const QuickEntry entry = QuickEntry::parse(line);
            QVERIFY2(!entry.title.isEmpty(), qPrintable(line.left(40)));
        }
    }
};

QTEST_APPLESS_MAIN(TestQuickEntry)

#include "tst_quickentry.moc"
