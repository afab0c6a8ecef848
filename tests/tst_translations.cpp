// The translations are complete and keep their placeholders: each .ts file is brought up
// to date with lupdate from today's sources (in a temporary copy), and any message that is
// new, unfinished, empty or has lost a %1 or %n fails. The embedded .qm files then load and
// speak their language, plural forms included.
#include "translations_config.h"
#include "ui/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using kinlist::ui::Language;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty when finished
    QStringList forms; // the translation, or each plural form
};

QStringList splitList(const char *joined)
{
    return QString::fromUtf8(joined).split(QLatin1Char(';'), Qt::SkipEmptyParts);
}

// %1..%99 (also %L1) and %n, each once: what a translation must keep.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(QLatin1Char('%') + it.next().captured(1));
    return found;
}

QList<Message> readTs(const QString &path, QString *language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement())
                            m.forms << xml.readElementText();
                    } else {
                        m.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << m;
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return xml.hasError() ? QList<Message> {} : messages;
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
    // The .ts file as lupdate makes it from the sources now (in a temporary directory).
    QList<Message> updated(const QString &tsPath, QString *language)
    {
        const QString copy = m_dir.filePath(QFileInfo(tsPath).fileName());
        QFile::remove(copy);
        if (!QFile::copy(tsPath, copy))
            return {};
        QFile list(m_dir.filePath(QStringLiteral("sources.lst")));
        if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        list.write(splitList(KINLIST_TRANSLATABLE_SOURCES).join(QLatin1Char('\n')).toUtf8());
        list.close();
        QStringList args {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                          QStringLiteral("none")};
        if (tsPath.endsWith(QLatin1String("_en.ts")))
            args << QStringLiteral("-pluralonly");
        args << QLatin1Char('@') + list.fileName() << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(KINLIST_LUPDATE), args);
        if (!lupdate.waitForFinished(60000) || lupdate.exitCode() != 0) {
            qWarning("lupdate: %s", lupdate.readAllStandardError().constData());
            return {};
        }
        return readTs(copy, language);
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("ts");
        for (const QString &ts : splitList(KINLIST_TS_FILES))
            QTest::newRow(qPrintable(QFileInfo(ts).baseName())) << ts;
    }

    void complete()
    {
        QFETCH(QString, ts);
        QVERIFY(m_dir.isValid());
        QString language;
        const QList<Message> messages = updated(ts, &language);
        QVERIFY2(!messages.isEmpty(), qPrintable(ts));
        const bool english = ts.endsWith(QLatin1String("_en.ts"));
        QVERIFY2(english ? messages.size() >= 10 : messages.size() >= 250,
                 "lupdate found too few strings: is the source list right?");
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QLatin1String(": \"") + m.source + QLatin1Char('"');
            if (!m.type.isEmpty()) {
                problems << where + QLatin1String(" is ") + m.type;
                continue;
            }
            if (m.forms.isEmpty() || (m.numerus && m.forms.size() != 2)) {
                problems << where + QStringLiteral(" has %1 forms").arg(m.forms.size());
                continue;
            }
            const QSet<QString> wanted = placeholders(m.source);
            for (const QString &form : m.forms) {
                if (form.trimmed().isEmpty())
                    problems << where + QLatin1String(" is empty");
                else if (placeholders(form) != wanted)
                    problems << where + QLatin1String(" -> \"") + form +
                            QLatin1String("\" does not keep its placeholders");
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The placeholder check itself catches a dropped or invented placeholder.
    void placeholdersAreCompared()
    {
        QCOMPARE(
            placeholders(QStringLiteral("%1 added %n item(s) to %2")),
            (QSet<QString> {QStringLiteral("%1"), QStringLiteral("%n"), QStringLiteral("%2")}));
        QCOMPARE(placeholders(QStringLiteral("%L1 x")), QSet<QString> {QStringLiteral("%1")});
        QVERIFY(placeholders(QStringLiteral("%1 hat %n Einträge")) !=
                placeholders(QStringLiteral("%1 added %n item(s) to %2")));
    }

    // The embedded translations load and speak their language, plurals included.
    void embeddedTranslationsSpeak_data()
    {
        QTest::addColumn<QString>("code");
        for (const Language::Choice &choice : Language::available())
            QTest::newRow(qPrintable(choice.code)) << choice.code;
    }

    void embeddedTranslationsSpeak()
    {
        QFETCH(QString, code);
        Language language;
        QVERIFY(language.apply(code));
        QCOMPARE(language.current(), code);
        QCOMPARE(QLocale().language(), QLocale(code).language());
        const QString one =
            QCoreApplication::translate("MainPage", "Show %n done item(s)", nullptr, 1);
        const QString three =
            QCoreApplication::translate("MainPage", "Show %n done item(s)", nullptr, 3);
        QVERIFY2(one.contains(QLatin1Char('1')) && three.contains(QLatin1Char('3')),
                 qPrintable(one + QLatin1String(" / ") + three));
        QVERIFY(!one.contains(QLatin1String("(s)")) && !three.contains(QLatin1String("(s)")));
        const QString settings = QCoreApplication::translate("SettingsDialog", "Settings");
        if (code == QLatin1String("en"))
            QCOMPARE(three, QStringLiteral("Show 3 done items"));
        else
            QVERIFY2(settings != QLatin1String("Settings"), qPrintable(settings));
    }

    void unknownLanguagesFallBackToEnglish()
    {
        QCOMPARE(Language::resolve(QStringLiteral("de-AT")), QStringLiteral("de"));
        QCOMPARE(Language::resolve(QStringLiteral("fr")), QStringLiteral("fr"));
        QCOMPARE(Language::resolve(QStringLiteral("tlh")), QStringLiteral("en"));
        Language language;
        QVERIFY(language.apply(QStringLiteral("tlh")));
        QCOMPARE(language.current(), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
