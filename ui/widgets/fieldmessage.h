#pragma once

#include <QLabel>

class QFormLayout;

namespace vox::ui {

// The sentence under a form field that says what is wrong with it ("Enter a name"), in the
// palette's warning colour; takes no room while there is nothing to say.
class FieldMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    explicit FieldMessage(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    void showNote(const QString &text);
    void clear();
    bool hasProblem() const { return m_problem && isVisibleTo(parentWidget()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    bool m_problem = false;
};

// A form field with its message under it, as one row of a form.
QWidget *withFieldMessage(QWidget *field, FieldMessage *message, QWidget *parent);

// Adds that row to `form` under `label`. The field itself is the label's buddy and carries the
// label's words as its accessible name (a screen reader names the field, not the box around it).
void addFieldRow(QFormLayout *form, const QString &label, QWidget *field, FieldMessage *message,
                 QWidget *parent);

} // namespace vox::ui
