// Quick entry's dictionaries of groceries: each language's file has the shop's categories
// and a few hundred titles; a title finds its category in any case, or by its last or
// first word; a family's own choice is LocalStore's (tst_localstore).
#include "ui/categories.h"

#include <QTest>

using kinlist::ui::Categories;

class TestCategories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLanguage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("category");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Milk")
                            << QStringLiteral("Dairy & eggs");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("mehl")
                            << QStringLiteral("Vorrat");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Leche")
                            << QStringLiteral("Lácteos y huevos");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("baguette")
                            << QStringLiteral("Boulangerie");
    }
    void everyLanguage()
    {
        QFETCH(QString, code);
        QFETCH(QString, title);
        QFETCH(QString, category);
        const Categories &c = Categories::of(code);
        QCOMPARE(c.order().size(), 12);
        QVERIFY2(c.size() >= 300, qPrintable(QString::number(c.size())));
        QCOMPARE(c.categoryOf(title), category);
        QVERIFY(c.order().contains(category));
    }

    void byWords()
    {
        const Categories c = Categories::parse(
            QStringLiteral("# a test\n@\tDairy\n@\tBakery\nmilk\tDairy\nbread\tBakery\nbad line\n"
                           "cheese\tNowhere\n\n"));
        QCOMPARE(c.order(), (QStringList {QStringLiteral("Dairy"), QStringLiteral("Bakery")}));
        QCOMPARE(c.size(), 2); // a category not declared is not taken
        QCOMPARE(c.categoryOf(QStringLiteral("  MILK ")), QStringLiteral("Dairy"));
        QCOMPARE(c.categoryOf(QStringLiteral("oat milk")), QStringLiteral("Dairy"));
        QCOMPARE(c.categoryOf(QStringLiteral("bread rolls")), QStringLiteral("Bakery"));
        QCOMPARE(c.categoryOf(QStringLiteral("cheese")), QString());
        QVERIFY(c.knows(QStringLiteral("Milk")));
        QVERIFY(!c.knows(QStringLiteral("oat milk"))); // only a word of it
        QCOMPARE(c.categoryOf(QString()), QString());
        QCOMPARE(Categories::of(QStringLiteral("xx")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCategories)

#include "tst_categories.moc"
