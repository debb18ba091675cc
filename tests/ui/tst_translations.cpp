// C-i18n: every user-visible string of the console is translatable and translated. Fails when a
// string in ui/ or app/console/ reaches a widget without tr(), when translations/voxanne_es.ts
// lacks a string the sources have (lupdate is run here on the sources as they are now), or when
// a Spanish entry is unfinished, empty or left over. The checks are shown to fail on broken
// samples of their own, so a passing run means something.
#include "ui/shell/translations.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;      // "", "unfinished", "vanished", "obsolete"
    QStringList forms; // the translation, or its plural forms

    QString key() const { return context + u"\x1f"_s + source; }
};

QList<Message> parseTs(const QByteArray &xml, QString *error = nullptr)
{
    QList<Message> messages;
    QXmlStreamReader reader(xml);
    QString context;
    Message current;
    bool inMessage = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = reader.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                current =
                    Message{context, {}, reader.attributes().value(u"numerus"_s) == u"yes", {}, {}};
            } else if (name == u"source" && inMessage) {
                current.source = reader.readElementText();
            } else if (name == u"translation" && inMessage) {
                current.type = reader.attributes().value(u"type"_s).toString();
                if (!current.numerus)
                    current.forms << reader.readElementText();
            } else if (name == u"numerusform" && inMessage) {
                current.forms << reader.readElementText();
            }
        } else if (reader.isEndElement() && reader.name() == u"message") {
            inMessage = false;
            messages << current;
        }
    }
    if (reader.hasError() && error)
        *error = reader.errorString();
    return messages;
}

// What is wrong with a catalogue meant to be complete.
QStringList catalogueProblems(const QList<Message> &messages, bool onlyPlurals)
{
    QStringList problems;
    for (const Message &m : messages) {
        if (onlyPlurals && !m.numerus)
            continue;
        const QString where = m.context + u": \""_s + m.source.left(60) + u'"';
        if (m.type == u"vanished" || m.type == u"obsolete")
            problems << where + u" is left over (no longer in the sources)"_s;
        else if (m.type == u"unfinished")
            problems << where + u" is not translated"_s;
        else if (m.forms.isEmpty() || std::any_of(m.forms.cbegin(), m.forms.cend(),
                                                  [](const QString &f) { return f.isEmpty(); }))
            problems << where + u" has an empty translation"_s;
    }
    return problems;
}

// Calls that put text in front of the user; their text must come from tr().
const QRegularExpression &visibleCall()
{
    // (Ordinary string literals: moc's scanner does not follow raw ones.)
    static const QRegularExpression pattern(
        u"\\b(?<!::)(setText|setWindowTitle|setToolTip|setPlaceholderText|setStatusTip|"
        u"setWhatsThis|"
        "setTitle|setSubTitle|setLabelText|setInformativeText|setDetailedText|setAccessibleName|"
        "addItem|addTab|addAction|addMenu|addRow|showMessage|showProblem|showNote|success|info|"
        "problem|setHorizontalHeaderLabels|setButtonText\\s*\\(\\s*[\\w:]+\\s*,|"
        "new\\s+Q(?:Label|PushButton|CheckBox|RadioButton|GroupBox|Action|ToolButton))"
        "\\s*\\(?\\s*\\{?\\s*(?:u|QStringLiteral\\(\\s*|QString::fromLatin1\\(\\s*|"
        "QString::fromUtf8\\(\\s*|QLatin1String\\(\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    return pattern;
}

// Whether a literal holds words (not only markup, placeholders, symbols or numbers).
bool hasWords(QString literal)
{
    static const QRegularExpression tags(u"<[^>]*>"_s);
    static const QRegularExpression placeholders(u"%(\\d+|n|L\\d+)"_s);
    static const QRegularExpression entities(u"&\\w+;"_s);
    literal.remove(tags).remove(placeholders).remove(entities);
    return std::any_of(literal.cbegin(), literal.cend(), [](QChar c) { return c.isLetter(); });
}

// "file:line: text" for each user-visible literal that bypasses tr().
QStringList untranslatedLiterals(const QString &text, const QString &file)
{
    QStringList found;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.contains(u"not translated:"_s))
            continue; // an explained exception (a name, a code)
        auto it = visibleCall().globalMatch(line);
        while (it.hasNext()) {
            const auto match = it.next();
            if (hasWords(match.captured(2)))
                found << u"%1:%2: %3"_s.arg(file).arg(i + 1).arg(line.trimmed());
        }
    }
    return found;
}

QString sourceDir()
{
    return QStringLiteral(VOXANNE_SOURCE_DIR);
}

QList<QString> consoleSources()
{
    QList<QString> files;
    for (const QString &dir : {u"/ui"_s, u"/app/console"_s}) {
        QDirIterator it(sourceDir() + dir, {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    // The checks themselves catch broken cases (a check that cannot fail proves nothing).
    void scannerCatchesStringsThatBypassTr()
    {
        const QString broken =
            QStringList{
                u"label->setText(u\"Hello there\"_s);"_s,
                u"auto *b = new QPushButton(QStringLiteral(\"Save\"), this);"_s,
                u"box->setWindowTitle(\"Oops\");"_s,
                u"setButtonText(QWizard::NextButton, u\"Go on\"_s);"_s,
                u"m_toasts.success(u\"Saved it\"_s);"_s,
                u"label->setText(tr(\"Fine\"));"_s,
                u"label->setText(u\"%1 · %2\"_s.arg(a, b));"_s,
                u"label->setText(u\"<b>%1</b>\"_s.arg(name));"_s,
                u"edit->setObjectName(u\"nameEdit\"_s);"_s,
                u"combo->addItem(u\"Jennifer\"_s); // not translated: a voice's name"_s,
            }
                .join(u'\n');
        const QStringList found = untranslatedLiterals(broken, u"sample.cpp"_s);
        QCOMPARE(found.size(), 5);
        QVERIFY(found.at(0).contains(u"Hello there"_s));
        QVERIFY(found.at(1).contains(u"Save"_s));
        QVERIFY(found.at(2).contains(u"Oops"_s));
        QVERIFY(found.at(3).contains(u"Go on"_s));
        QVERIFY(found.at(4).contains(u"Saved it"_s));
    }

    void catalogueCheckCatchesMissingSpanish()
    {
        const QByteArray broken =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS><TS version=\"2.1\" "
            "language=\"es\">\n<context><name>Sample</name>\n"
            "<message><source>Done</source><translation>Hecho</translation></message>\n"
            "<message><source>Cancel</source><translation type=\"unfinished\"></translation>"
            "</message>\n"
            "<message><source>Gone</source><translation type=\"vanished\">Ido</translation>"
            "</message>\n"
            "<message><source>Blank</source><translation></translation></message>\n"
            "<message numerus=\"yes\"><source>%n call(s)</source><translation><numerusform>%n "
            "llamada</numerusform><numerusform></numerusform></translation></message>\n"
            "</context></TS>";
        QString error;
        const QList<Message> messages = parseTs(broken, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(messages.size(), 5);
        const QStringList problems = catalogueProblems(messages, false);
        QCOMPARE(problems.size(), 4);
        QVERIFY(problems.at(0).contains(u"Cancel"_s));
        QVERIFY(problems.at(1).contains(u"left over"_s));
        QVERIFY(problems.at(2).contains(u"Blank"_s));
        QVERIFY(problems.at(3).contains(u"call(s)"_s));
    }

    void noUserVisibleLiteralBypassesTr()
    {
        QStringList found;
        const QList<QString> files = consoleSources();
        QVERIFY(files.size() > 50);
        for (const QString &file : files)
            found << untranslatedLiterals(QString::fromUtf8(readAll(file)),
                                          file.mid(sourceDir().size() + 1));
        QVERIFY2(found.isEmpty(), qPrintable(u"Not through tr():\n"_s + found.join(u'\n')));
    }

    void spanishIsCompleteAndCurrent()
    {
        // lupdate over the sources as they are now: every string they have must be in the
        // committed Spanish catalogue, translated.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"fresh.ts"_s);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(VOXANNE_LUPDATE),
                      {u"-silent"_s, u"-locations"_s, u"none"_s, u"-I"_s, sourceDir(),
                       sourceDir() + u"/ui"_s, sourceDir() + u"/app/console"_s, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        const QList<Message> current = parseTs(readAll(fresh));
        QVERIFY(current.size() > 300);

        QString error;
        const QList<Message> spanish =
            parseTs(readAll(sourceDir() + u"/translations/voxanne_es.ts"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<QString, Message> byKey;
        for (const Message &m : spanish)
            byKey.insert(m.key(), m);
        QStringList missing;
        for (const Message &m : current) {
            if (!byKey.contains(m.key()))
                missing << m.context + u": \""_s + m.source + u'"';
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"Not in translations/voxanne_es.ts (run the update_translations "
                            "target, then translate):\n"_s +
                            missing.join(u'\n')));
        const QStringList problems = catalogueProblems(spanish, false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // English needs its plural forms ("1 attempt left", "2 attempts left").
        const QStringList english = catalogueProblems(
            parseTs(readAll(sourceDir() + u"/translations/voxanne_en.ts"_s)), true);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    }

    void cataloguesAreEmbedded()
    {
        QTranslator spanish;
        QVERIFY(spanish.load(u":/i18n/voxanne_es.qm"_s));
        const QString add = spanish.translate("vox::ui::TelephonyWizard", "Add another number");
        QVERIFY(!add.isEmpty());
        QVERIFY(add != u"Add another number"_s);
        QTranslator english;
        QVERIFY(english.load(u":/i18n/voxanne_en.qm"_s));
        QCOMPARE(english.translate("vox::ui::VerificationStep", "%n attempt(s) left", nullptr, 1),
                 u"%n attempt left"_s);
    }

    // Qt's own words (the dialog buttons, the file dialog) follow the console's language; they
    // come from Debian's qt6-translations-l10n, which the install script must bring.
    void qtsOwnWordsFollowTheLanguage()
    {
        QVERIFY(vox::ui::installTranslations(u"es"_s));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancelar"_s);
        QCOMPARE(QCoreApplication::translate("QFileDialog", "File &name:"),
                 u"&Nombre de fichero:"_s);
        QVERIFY(vox::ui::installTranslations(u"en"_s));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
