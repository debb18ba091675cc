#include "ui/shell/shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

QList<ShortcutsDialog::Shortcut> ShortcutsDialog::shortcuts()
{
    const QString everywhere = tr("Everywhere");
    const QString calls = tr("Calls");
    const QString services = tr("Services");
    return {
        {QKeySequence(Qt::CTRL | Qt::Key_F), everywhere,
         tr("Search the calls (or the leads, on their page)")},
        {QKeySequence(Qt::Key_F5), everywhere, tr("Read the page again")},
        {QKeySequence(Qt::CTRL | Qt::Key_1), everywhere,
         tr("Go to a page: Ctrl+1 Today, Ctrl+2 Live … Ctrl+0 Knowledge, in the navigation's "
            "order")},
        {QKeySequence(Qt::Key_F1), everywhere, tr("This list of shortcuts")},
        {QKeySequence(QKeySequence::Quit), everywhere, tr("Quit the console")},
        {QKeySequence(Qt::Key_Tab), everywhere,
         tr("Next field; a list or table is one stop, the arrow keys move inside it")},
        {QKeySequence(Qt::Key_Down), calls, tr("From the search box, into the results")},
        {QKeySequence(Qt::Key_Escape), calls, tr("In the search box, clear the search")},
        {QKeySequence(Qt::Key_Space), calls,
         tr("In the list, play or pause the chosen call's recording")},
        {QKeySequence(Qt::ALT | Qt::Key_Left), calls, tr("The recording, 10 seconds back")},
        {QKeySequence(Qt::ALT | Qt::Key_Right), calls, tr("The recording, 10 seconds on")},
        {QKeySequence(QKeySequence::Undo), services, tr("Undo the last change")},
        {QKeySequence(QKeySequence::Redo), services, tr("Redo it")},
        {QKeySequence(QKeySequence::Save), services, tr("Save the changes")},
    };
}

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    const QList<Shortcut> all = shortcuts();
    auto *table = new QTableWidget(int(all.size()), 3, this);
    table->setObjectName(u"shortcutsTable"_s);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Where"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->setWordWrap(true);
    for (int row = 0; row < all.size(); ++row) {
        const Shortcut &s = all.at(row);
        table->setItem(row, 0, new QTableWidgetItem(s.keys.toString(QKeySequence::NativeText)));
        table->setItem(row, 1, new QTableWidgetItem(s.where));
        table->setItem(row, 2, new QTableWidgetItem(s.what));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table->resizeRowsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 460);
}

} // namespace vox::ui
