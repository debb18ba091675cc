#include "ui/shell/aboutdialog.h"

#include "ui/api/apiclient.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AboutDialog::AboutDialog(ApiClient &api, const QString &serverDescription, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Voxanne Console"));
    setWindowIcon(appIcon());
    auto *layout = new QVBoxLayout(this);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_note->setObjectName(u"aboutNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const auto render = [this, serverDescription](const QString &serverVersion) {
        m_text->setText(tr("<h2>Voxanne Console %1</h2>"
                           "<p>The AI receptionist's desk: calls, leads and appointments.</p>"
                           "<table>"
                           "<tr><td>Console</td><td>%1</td></tr>"
                           "<tr><td>Server</td><td>%2</td></tr>"
                           "<tr><td>Connected to</td><td>%3</td></tr>"
                           "<tr><td>Qt</td><td>%4 (built with %5)</td></tr>"
                           "<tr><td>System</td><td>%6</td></tr>"
                           "</table>")
                            .arg(QStringLiteral(VOXANNE_UI_VERSION), serverVersion.toHtmlEscaped(),
                                 serverDescription.toHtmlEscaped(), QString::fromLatin1(qVersion()),
                                 QStringLiteral(QT_VERSION_STR),
                                 QSysInfo::prettyProductName().toHtmlEscaped()));
    };
    render(tr("asking…"));
    api.health(this, [render](Result<QString> version) {
        render(version ? *version : tr("not reachable"));
    });
    setMinimumWidth(420);
}

void AboutDialog::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString AboutDialog::text() const
{
    return m_text->text();
}

} // namespace vox::ui
