<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>OverviewView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="145"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>day %n since launch</numerusform>
            <numerusform>day %n since launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="147"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>%n day to launch</numerusform>
            <numerusform>%n days to launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="163"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>open tasks (%n in progress)</numerusform>
            <numerusform>open tasks (%n in progress)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="174"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="205"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="220"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="195"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="228"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
