<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivityView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/view.py" line="173"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/entry.py" line="169"/>
        <source>Enter %n KPI value(s)</source>
        <translation>
            <numerusform>Enter %n KPI value</numerusform>
            <numerusform>Enter %n KPI values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="156"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="231"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTasksDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="309"/>
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="147"/>
        <source>{name} · {roles} · {today} · %n open</source>
        <translation>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="159"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="142"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>day %n since launch</numerusform>
            <numerusform>day %n since launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="144"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>%n day to launch</numerusform>
            <numerusform>%n days to launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="160"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>open tasks (%n in progress)</numerusform>
            <numerusform>open tasks (%n in progress)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="171"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="202"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="217"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="192"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="225"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/model.py" line="546"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/view.py" line="308"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/team/view.py" line="336"/>
        <source>Reassign %n task(s) to {name}</source>
        <translation>
            <numerusform>Reassign %n task to {name}</numerusform>
            <numerusform>Reassign %n tasks to {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
