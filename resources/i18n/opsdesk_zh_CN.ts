<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>The backup failed: {detail}</source>
        <translation type="obsolete">备份失败：{detail}</translation>
    </message>
    <message>
        <source>Phases: {phases}</source>
        <translation type="obsolete">阶段：{phases}</translation>
    </message>
    <message>
        <source>%n task(s)</source>
        <translation type="obsolete">%n 个任务</translation>
    </message>
    <message>
        <source>%n milestone(s)</source>
        <translation type="obsolete">%n 个里程碑</translation>
    </message>
    <message>
        <source>%n link(s)</source>
        <translation type="obsolete">%n 个关联</translation>
    </message>
    <message>
        <source>People: {new} new, {matched} already here</source>
        <translation type="obsolete">人员：新增 {new} 人，已有 {matched} 人</translation>
    </message>
    <message>
        <source>Groups that match no role: {groups}</source>
        <translation type="obsolete">未匹配到岗位的分组：{groups}</translation>
    </message>
    <message>
        <source>%n task(s) have no dates; they are imported unscheduled.</source>
        <translation type="obsolete">%n 个任务没有日期，将作为未排期任务导入。</translation>
    </message>
    <message>
        <source>… and %n more warning(s)</source>
        <translation type="obsolete">……另有 %n 条警告</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="23"/>
        <source>Ticked off</source>
        <translation>勾选完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="24"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="25"/>
        <source>Tasks created</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="26"/>
        <source>Tasks edited</source>
        <translation>修改任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="27"/>
        <source>Tasks deleted</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="28"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="29"/>
        <source>Routines</source>
        <translation>例行工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="30"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="31"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="32"/>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="37"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="37"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="37"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="38"/>
        <source>parent task</source>
        <translation>上级任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="38"/>
        <source>role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="38"/>
        <source>assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="39"/>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="39"/>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="39"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="40"/>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="40"/>
        <source>milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="41"/>
        <source>position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="41"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="41"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="42"/>
        <source>active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="42"/>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="42"/>
        <source>repeat rule</source>
        <translation>重复规则</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="43"/>
        <source>until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="44"/>
        <source>launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="45"/>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="46"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="47"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="48"/>
        <source>other roles</source>
        <translation>其他岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="49"/>
        <source>link type</source>
        <translation>关联类型</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="50"/>
        <source>lag (days)</source>
        <translation>延隔（天）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="82"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="82"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="106"/>
        <source>reactivated {name}</source>
        <translation>恢复了{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="107"/>
        <source>deactivated {name}</source>
        <translation>停用了{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="121"/>
        <source>added the phase {name}</source>
        <translation>添加阶段{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="122"/>
        <source>removed the phase {name}</source>
        <translation>删除阶段{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="123"/>
        <source>moved the phase {name}</source>
        <translation>移动阶段{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="124"/>
        <source>edited the phase {name}</source>
        <translation>修改阶段{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="128"/>
        <source>made a change ({what})</source>
        <translation>做了更改（{what}）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="134"/>
        <source>undid a change of {task}</source>
        <translation>撤销了对{task}的修改</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="136"/>
        <source>redid a change of {task}</source>
        <translation>重做了对{task}的修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="139"/>
        <source>undid a change of %n task(s)</source>
        <translation>
            <numerusform>撤销了对 %n 个任务的修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="140"/>
        <source>redid a change of %n task(s)</source>
        <translation>
            <numerusform>重做了对 %n 个任务的修改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="145"/>
        <source>ticked off {task}</source>
        <translation>勾选完成{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="147"/>
        <source>reopened {task}</source>
        <translation>重新打开{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="149"/>
        <source>created {task}</source>
        <translation>新建{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="153"/>
        <source>deleted {task} with {what}</source>
        <translation>删除{task}及其{what}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="155"/>
        <source>deleted {task}</source>
        <translation>删除{task}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="182"/>
        <source>marked %n missed day(s) skipped</source>
        <translation>
            <numerusform>把漏掉的 %n 天标为跳过</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="278"/>
        <source>added the KPI {kpi}</source>
        <translation>添加指标{kpi}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="279"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="283"/>
        <source>edited the KPI {kpi}</source>
        <translation>修改指标{kpi}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="280"/>
        <source>deleted the KPI {kpi}</source>
        <translation>删除指标{kpi}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="285"/>
        <source>set the targets of {kpi}</source>
        <translation>设置{kpi}的目标</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="289"/>
        <source>%n KPI(s)</source>
        <translation>
            <numerusform>%n 个指标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="291"/>
        <source>imported %n value(s) of {kpi}</source>
        <translation>
            <numerusform>导入{kpi}的 %n 个数值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="293"/>
        <source>entered %n value(s) of {kpi}</source>
        <translation>
            <numerusform>录入{kpi}的 %n 个数值</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="336"/>
        <source>{count} different values</source>
        <translation>{count} 个不同的值</translation>
    </message>
    <message>
        <source>added {count} tasks</source>
        <translation type="vanished">添加了 {count} 项任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="167"/>
        <source>moved due {before} → {after} of {task}</source>
        <translation>把{task}的截止日从{before}改到{after}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="171"/>
        <source>assigned {task} to {name}</source>
        <translation>把{task}指派给{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="174"/>
        <source>set {task} to {status}</source>
        <translation>把{task}设为{status}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="176"/>
        <source>edited {task}: {fields}</source>
        <translation>修改{task}：{fields}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="95"/>
        <source>commented on {task}</source>
        <translation>评论了{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="97"/>
        <source>linked {task} to a predecessor</source>
        <translation>为{task}添加前置任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="98"/>
        <source>removed a link of {task}</source>
        <translation>删除{task}的一个关联</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="100"/>
        <source>created the routine {task}</source>
        <translation>新建例行工作{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="100"/>
        <source>edited the routine {task}</source>
        <translation>修改例行工作{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="101"/>
        <source>changed how {task} repeats</source>
        <translation>修改了{task}的重复方式</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="101"/>
        <source>stopped the routine {task}</source>
        <translation>停止例行工作{task}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="102"/>
        <source>put routines back as they were</source>
        <translation>把例行工作恢复原样</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="103"/>
        <source>changed a routine</source>
        <translation>修改了例行工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="109"/>
        <source>added {name}</source>
        <translation>添加了{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="109"/>
        <source>edited {name}</source>
        <translation>修改了{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="110"/>
        <source>changed the password of {name}</source>
        <translation>修改了{name}的密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="111"/>
        <source>changed the roles of {name}</source>
        <translation>修改了{name}的岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="112"/>
        <source>changed {name}</source>
        <translation>修改了{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="114"/>
        <source>added the role {name}</source>
        <translation>添加岗位{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="115"/>
        <source>edited the role {name}</source>
        <translation>修改岗位{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="161"/>
        <source>restored {task} with {what}</source>
        <translation>恢复{task}及其{what}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="163"/>
        <source>restored {task}</source>
        <translation>恢复{task}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="185"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="187"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="191"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="270"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="188"/>
        <source>moved {tasks} {days} later</source>
        <translation>将{tasks}推后 {days}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="192"/>
        <source>moved {tasks} {days} earlier</source>
        <translation>将{tasks}提前 {days}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="194"/>
        <source>moved {tasks}</source>
        <translation>移动{tasks}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="198"/>
        <source>undid a change of {fields} to %n task(s)</source>
        <translation>
            <numerusform>撤销了对 %n 个任务的{fields}修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="200"/>
        <source>undid a change to %n task(s)</source>
        <translation>
            <numerusform>撤销了对 %n 个任务的修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="202"/>
        <source>added %n task(s)</source>
        <translation>
            <numerusform>添加了 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="206"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>新增 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="208"/>
        <source>%n task(s) updated</source>
        <translation>
            <numerusform>更新 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="210"/>
        <source>imported tasks from {file}: {what}</source>
        <translation>从 {file} 导入任务：{what}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="212"/>
        <source>changed {task} ({action})</source>
        <translation>更改{task}（{action}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="219"/>
        <source>unassigned %n task(s)</source>
        <translation>
            <numerusform>取消了 %n 个任务的负责人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="220"/>
        <source>assigned %n task(s) to {name}</source>
        <translation>
            <numerusform>将 %n 个任务分配给{name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="223"/>
        <source>set %n task(s) to {status}</source>
        <translation>
            <numerusform>将 %n 个任务设为{status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="226"/>
        <source>set the {field} of %n task(s) to {value}</source>
        <translation>
            <numerusform>将 %n 个任务的{field}设为{value}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="228"/>
        <source>edited %n task(s): {fields}</source>
        <translation>
            <numerusform>修改 %n 个任务：{fields}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="241"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="246"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="253"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n 个子任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="255"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="257"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个关联</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="263"/>
        <source>created the plan {name}</source>
        <translation>创建计划{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="266"/>
        <source>imported the plan {name} from {file}</source>
        <translation>从 {file} 导入计划{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="272"/>
        <source>moved the whole plan {days} earlier</source>
        <translation>整个计划提前 {days}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="273"/>
        <source>moved the whole plan {days} later</source>
        <translation>整个计划推后 {days}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/describe.py" line="274"/>
        <source>changed the plan ({action})</source>
        <translation>修改了计划（{action}）</translation>
    </message>
    <message>
        <source>imported {count} values of {kpi}</source>
        <translation type="vanished">导入{kpi} {count} 个数值</translation>
    </message>
    <message>
        <source>entered {count} values of {kpi}</source>
        <translation type="vanished">录入{kpi} {count} 个数值</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../../opsdesk/ui/activity/model.py" line="49"/>
        <source>OpsDesk (system)</source>
        <translation>OpsDesk（系统）</translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="113"/>
        <source>Activity</source>
        <translation>动态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="114"/>
        <location filename="../../opsdesk/ui/activity/view.py" line="121"/>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="114"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="114"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="115"/>
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="117"/>
        <source>Task title contains…</source>
        <translation>任务标题包含…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="118"/>
        <source>Filter by task title</source>
        <translation>按任务标题筛选</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="120"/>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="121"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="121"/>
        <source>What</source>
        <translation>做了什么</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="122"/>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="133"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="137"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/view.py" line="188"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/activity/view.py" line="213"/>
        <source>That task has been deleted.</source>
        <translation>该任务已被删除。</translation>
    </message>
</context>
<context>
    <name>AnchorRow</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="133"/>
        <source>Launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="133"/>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="150"/>
        <source>Calendar date</source>
        <translation>公历日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="134"/>
        <source>Lunar date</source>
        <translation>农历日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="134"/>
        <source>Another task</source>
        <translation>其他任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="138"/>
        <source>What the due date hangs on. Launch day: it moves when launch day moves. A calendar date (双11 = 11-11) or a lunar date (中秋 = 八月十五): it stays. Another task: it follows that task.</source>
        <translation>截止日期以什么为基准。上线日：上线日移动时随之移动。公历日期（双11 = 11-11）或农历日期（中秋 = 八月十五）：固定不动。其他任务：跟随该任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="141"/>
        <source>Anchor</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="144"/>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="147"/>
        <source>Lunar year</source>
        <translation>农历年</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="148"/>
        <source>Lunar month</source>
        <translation>农历月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="149"/>
        <source>Lunar day</source>
        <translation>农历日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="151"/>
        <source>Task it hangs on</source>
        <translation>作为基准的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="152"/>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="153"/>
        <source>Days after (negative: before)</source>
        <translation>之后天数（负数为之前）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/anchor_row.py" line="154"/>
        <source>Days after the anchor; negative: before it (e.g. −10: due 10 days before 双11).</source>
        <translation>基准之后的天数；负数表示之前（例如 −10：双11 前 10 天截止）。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../opsdesk/app.py" line="224"/>
        <source>No installed font can show Chinese, so Chinese text would appear as boxes. Install a Chinese font, for example the package {package} (Debian/Ubuntu: sudo apt install {package}), then restart OpsDesk.</source>
        <translation>系统中没有可显示中文的字体，中文将显示为方框。请安装中文字体，例如软件包 {package}（Debian/Ubuntu：sudo apt install {package}），然后重新启动 OpsDesk。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="241"/>
        <source>Welcome to OpsDesk. There is no plan yet.</source>
        <translation>欢迎使用 OpsDesk。目前还没有计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="264"/>
        <location filename="../../opsdesk/app.py" line="434"/>
        <source>Open an OpsDesk database</source>
        <translation>打开 OpsDesk 数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="265"/>
        <location filename="../../opsdesk/app.py" line="435"/>
        <source>OpsDesk databases (*.db *.sample *.sqlite);;All files (*)</source>
        <translation>OpsDesk 数据库 (*.db *.sample *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="334"/>
        <source>Open an existing file…</source>
        <translation>打开已有文件…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="336"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="436"/>
        <source>;;Plans from other tools (*.planner *.gan *.xml)</source>
        <translation>;;其他工具的计划 (*.planner *.gan *.xml)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="332"/>
        <location filename="../../opsdesk/app.py" line="337"/>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="338"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="352"/>
        <source>{path} cannot be written (read-only file or folder); it is open read-only.</source>
        <translation>{path} 无法写入（文件或文件夹为只读），已以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../opsdesk/ui/background.py" line="159"/>
        <location filename="../../opsdesk/ui/dialogs/import_new.py" line="245"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="40"/>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="41"/>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="65"/>
        <source>This database is on a network share. OpsDesk uses a slower, safer journal there, but several people writing over a network share can still damage an SQLite file. For a team, a PostgreSQL server is the safe choice (see “Team server” in the README).</source>
        <translation>此数据库位于网络共享上。OpsDesk 在这里使用较慢但更安全的日志方式，但多人通过网络共享同时写入仍可能损坏 SQLite 文件。团队使用时，PostgreSQL 服务器才是安全的选择（见 README 中的“团队服务器”）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="84"/>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="109"/>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="117"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="95"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="96"/>
        <source>OpsDesk database (*.db)</source>
        <translation>OpsDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="110"/>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="118"/>
        <source>The backup was written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="126"/>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="142"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="127"/>
        <source>OpsDesk database (*.db);;All files (*)</source>
        <translation>OpsDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="143"/>
        <source>Replace everything in this database with the backup {name}? What is there now is kept as a backup first, so this can be undone by restoring that.</source>
        <translation>用备份 {name} 替换此数据库中的全部内容吗？当前内容会先另存为一个备份，之后恢复它即可撤销此操作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="153"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/backup.py" line="162"/>
        <source>The backup was restored. What was there before is kept in {path}.</source>
        <translation>备份已恢复。之前的内容保存在 {path}。</translation>
    </message>
    <message>
        <source>The backup failed: {detail}</source>
        <translation type="vanished">备份失败：{detail}</translation>
    </message>
</context>
<context>
    <name>BudgetStrip</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="83"/>
        <source>Budgets, {month}</source>
        <translation>{month}预算</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="97"/>
        <source>used {used} of {budget} · {left} over</source>
        <translation>已用 {used} / {budget} · 超支 {left}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="98"/>
        <source>used {used} of {budget} · {left} left</source>
        <translation>已用 {used} / {budget} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>CalendarExportDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="116"/>
        <source>Export to a calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="118"/>
        <source>The plan&apos;s milestones</source>
        <translation>计划的里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="119"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="120"/>
        <source>A person&apos;s tasks</source>
        <translation>某人的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="121"/>
        <source>A role&apos;s tasks</source>
        <translation>某岗位的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="146"/>
        <source>Each task keeps its event when you export again: the calendar updates it instead of adding a copy.</source>
        <translation>再次导出时每个任务沿用原来的日程：日历会更新它，而不是再添加一份。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="68"/>
        <source>Actual per period vs target</source>
        <translation>每期实际 vs 目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="69"/>
        <source>Cumulative vs target</source>
        <translation>累计 vs 目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="70"/>
        <source>Daily with 7-day average</source>
        <translation>每日及7日均值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="71"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="71"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="72"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="122"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/panel.py" line="123"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="32"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="39"/>
        <source>{who} changed the {fields} of {what} at {when}, after you opened it.</source>
        <translation>在您打开{what}之后，{who} 于 {when} 修改了它的{fields}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="41"/>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="42"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="45"/>
        <source>Someone else changed {what} after you opened it.</source>
        <translation>在您打开{what}之后，其他人修改了它。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="48"/>
        <source>Reload: see the task as it is now; your edit is dropped. Overwrite: save the fields you changed over theirs; what they changed in other fields stays (and the activity log keeps both). Cancel: do nothing.</source>
        <translation>重新加载：查看任务的最新内容，放弃您的修改。覆盖：用您改过的字段覆盖对方的修改；对方在其他字段上的修改保留（动态记录中两者都有）。取消：不做任何操作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="33"/>
        <source>this task</source>
        <translation>此任务</translation>
    </message>
    <message>
        <source>Reload shows their version and drops your edit. Overwrite saves your edit over theirs (their change stays in the activity log).</source>
        <translation type="vanished">“重新加载”显示对方的版本并放弃您的修改；“覆盖”用您的修改覆盖对方的修改（对方的修改仍保留在动态记录中）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="51"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/conflict.py" line="53"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
</context>
<context>
    <name>CopyPlan</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="92"/>
        <source>Copy plan “{name}” to launch on {date}</source>
        <translation>复制计划“{name}”，上线日为 {date}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="99"/>
        <source>Copy plan</source>
        <translation>复制计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="103"/>
        <source>“{name}” is made; it launches on {date}.</source>
        <translation>已创建“{name}”，上线日为 {date}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="106"/>
        <source>Already late:</source>
        <translation>已经来不及：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="108"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="111"/>
        <source>Open it</source>
        <translation>打开新计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="112"/>
        <source>Stay here</source>
        <translation>留在当前计划</translation>
    </message>
</context>
<context>
    <name>CopyPlanDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="41"/>
        <source>Copy plan</source>
        <translation>复制计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="52"/>
        <source>“{name}” with the new year</source>
        <translation>“{name}”（年份自动更新）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="54"/>
        <source>Launch-relative work moves with the new launch day; festivals on a calendar or lunar date (双11, 中秋 …) land on the new year&apos;s dates. Statuses, comments and KPI actuals start empty; roles and people stay.</source>
        <translation>以上线日为基准的工作随新的上线日移动；公历或农历节日（双11、中秋……）落在新一年的对应日期。状态、评论和指标实际值清空；岗位和人员保留。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="65"/>
        <source>New launch day</source>
        <translation>新上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="66"/>
        <source>New plan&apos;s name</source>
        <translation>新计划名称</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="87"/>
        <source>OpsDesk ran into an unexpected problem. Your data is safe: every change is saved as a whole or not at all.</source>
        <translation>OpsDesk 遇到了意外问题。您的数据是安全的：每项更改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="90"/>
        <source>The details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>DayLegend</name>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="54"/>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="55"/>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="56"/>
        <source>Make-up working day (调休)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="58"/>
        <source>China&apos;s public holidays and make-up working days, {first}–{last}. Hover a day for its holiday.</source>
        <translation>中国法定节假日和调休上班日，{first}–{last}。鼠标悬停在某天上可查看节日名称。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="62"/>
        <source>This plan reaches beyond {last}: there only Saturdays and Sundays count as days off.</source>
        <translation>本计划超出了 {last}：之后只把周六、周日算作休息日。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="66"/>
        <source>Working days</source>
        <translation>按工作日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/legend.py" line="68"/>
        <source>Moving a task on the timeline moves it by working days (skipping weekends and public holidays, counting make-up days), and durations show working days too.</source>
        <translation>在时间线上拖动任务时按工作日移动（跳过周末和法定节假日，调休上班日计入），工期也按工作日显示。</translation>
    </message>
</context>
<context>
    <name>DefinitionsDialog</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="119"/>
        <source>KPI definitions</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="120"/>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="120"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="121"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="121"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="122"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="122"/>
        <source>Aggregation</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="123"/>
        <source>Owner role</source>
        <translation>负责岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="123"/>
        <source>Decimals</source>
        <translation>小数位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="125"/>
        <source>CNY</source>
        <translation>人民币</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="125"/>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="126"/>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="127"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="128"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="129"/>
        <source>within a range</source>
        <translation>保持在区间内</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="130"/>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="130"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="131"/>
        <source>last value</source>
        <translation>期末值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="134"/>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="240"/>
        <source>New KPI</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="135"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="136"/>
        <source>Save KPI</source>
        <translation>保存指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="137"/>
        <source>Targets (per month, custom range, phase or traffic step; low and/or high)</source>
        <translation>目标（按月、自定义区间、阶段或引流步骤；下限和/或上限）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="139"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="139"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="139"/>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="140"/>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="140"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="141"/>
        <source>Add target</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="142"/>
        <source>Remove target</source>
        <translation>移除目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="143"/>
        <source>Save targets</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="193"/>
        <source>A target is an amount to reach over its period; the dashboard judges it by pace (the share due by today).</source>
        <translation>目标是整个周期内要达到的总量；看板按进度评估（截至今天应完成的份额）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="197"/>
        <source>A target is a maximum (met or not, with the margin); a low and a high make a range.</source>
        <translation>单个目标为上限（显示是否达成及差额）；同时填下限和上限则为区间。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="199"/>
        <source>A single target is a minimum (met or not, with the margin); a low and a high make a range, and above the range is good.</source>
        <translation>单个目标为下限（显示是否达成及差额）；同时填下限和上限则为区间，高于区间为好。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="201"/>
        <source>A single target is a minimum (met or not, with the margin); a low and a high make a range, and above the range is too high (a cost).</source>
        <translation>单个目标为下限（显示是否达成及差额）；同时填下限和上限则为区间，高于区间为偏高（如成本）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="229"/>
        <source>Change KPI {name}</source>
        <translation>修改指标 {name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="251"/>
        <source>Delete KPI {name}</source>
        <translation>删除指标 {name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="267"/>
        <source>Target row {row}: write dates as 2026-09-01 and numbers as 200000 or 20万.</source>
        <translation>第 {row} 行目标：日期请写成 2026-09-01，数字写成 200000 或 20万。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/definitions.py" line="281"/>
        <source>Set targets of {name}</source>
        <translation>设置 {name} 的目标</translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/entry.py" line="93"/>
        <source>Type or paste (Ctrl+V) the day’s figures: 1,234 · 12.5% · 20W · 20万 · 1.5万. Ctrl+Z undoes.</source>
        <translation>输入或粘贴（Ctrl+V）当天数据：1,234 · 12.5% · 20W · 20万 · 1.5万。Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/entry.py" line="98"/>
        <source>Earlier days</source>
        <translation>更早的日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/entry.py" line="99"/>
        <source>Later days</source>
        <translation>更晚的日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/entry.py" line="143"/>
        <source>You own no KPI in this plan, so there is nothing for you to enter here. Each KPI’s values are entered by the manager or by the people of its owner role (KPI definitions); ask the manager if you should enter one.</source>
        <translation>本计划中没有由您负责的指标，所以这里没有需要您录入的内容。每个指标的数值由经理或其负责岗位的人员录入（见指标定义）；如需由您录入，请联系经理。</translation>
    </message>
    <message>
        <source>You own no KPI in this plan; the manager or a KPI’s owner role enters its values.</source>
        <translation type="vanished">本计划中没有由你负责的指标;指标数值由经理或负责岗位录入。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/entry.py" line="179"/>
        <source>{day}, {kpi}: “{value}” is not a number.</source>
        <translation>{day}，{kpi}：“{value}”不是数字。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/entry.py" line="187"/>
        <source>Enter %n KPI value(s)</source>
        <translation>
            <numerusform>录入 %n 个指标数值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../opsdesk/cli.py" line="20"/>
        <location filename="../../opsdesk/services/validate.py" line="15"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.</source>
        <translation>“{value}”不是有效日期，请按 YYYY-MM-DD 格式填写，例如 2026-09-01。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="21"/>
        <source>The database has no plan yet; make one with `opsdesk init`.</source>
        <translation>数据库中还没有计划，请使用 `opsdesk init` 创建。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="289"/>
        <source>There is no plan {id}.</source>
        <translation>计划 {id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="301"/>
        <source>--manager names the first manager of a new database; this one already has people. Add managers in the app (People and roles).</source>
        <translation>--manager 只用于为新数据库指定第一位经理；此数据库已有人员。请在应用中（人员与岗位）添加经理。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="585"/>
        <source>Say which change to redo with --change ID.</source>
        <translation>请用 --change ID 指明要重做的修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_auth.py" line="16"/>
        <source>Say who you are with --user LOGIN.</source>
        <translation>请使用 --user LOGIN 指明您的身份。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_auth.py" line="17"/>
        <source>{login} is a manager without a password; set one first with `opsdesk passwd --user {login}` (or by signing in to the app).</source>
        <translation>{login} 是经理但尚未设置密码；请先用 `opsdesk passwd --user {login}` 设置（或登录应用设置）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_auth.py" line="20"/>
        <source>No password given: put it in the {variable} environment variable, or run this in a terminal to be asked for it.</source>
        <translation>未提供密码：请放在环境变量 {variable} 中，或在终端中运行以便输入。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_auth.py" line="23"/>
        <source>The two passwords are not the same; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="564"/>
        <source>“{value}” is not a size; write it as WIDTHxHEIGHT, e.g. 1280x800.</source>
        <translation>“{value}”不是有效尺寸，请按“宽x高”格式填写，例如 1280x800。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="21"/>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="44"/>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="52"/>
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="56"/>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="62"/>
        <source>Someone else changed this task since you opened it. Reload it or overwrite their change.</source>
        <translation>您打开此任务后，其他人修改了它。请重新加载，或覆盖对方的修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="70"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="74"/>
        <source>Sign-in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="80"/>
        <source>The database could not be used.</source>
        <translation>无法使用该数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="84"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="90"/>
        <source>{path} is empty: it holds no OpsDesk database. Choose another file or make a new plan there.</source>
        <translation>{path} 是空文件：其中没有 OpsDesk 数据库。请选择其他文件，或在此文件中新建计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="97"/>
        <source>{path} is not an OpsDesk database.</source>
        <translation>{path} 不是 OpsDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="101"/>
        <source>{path} is damaged and cannot be opened; restore a backup. The file was not changed.</source>
        <translation>{path} 已损坏，无法打开，请恢复备份。该文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="107"/>
        <source>{path} was written by a newer version of OpsDesk; it is open read-only. Update OpsDesk to change it.</source>
        <translation>{path} 由更高版本的 OpsDesk 写入，已以只读方式打开。如需修改，请更新 OpsDesk。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="114"/>
        <source>The database is busy: another program is writing to it. Try again in a moment.</source>
        <translation>数据库正忙：另一个程序正在写入。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="120"/>
        <source>The database is open read-only; changes cannot be saved.</source>
        <translation>数据库以只读方式打开，无法保存更改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="126"/>
        <source>Updating the database to this version failed; it was left as it was. ({detail})</source>
        <translation>将数据库升级到此版本失败，数据库保持原样。（{detail}）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="132"/>
        <source>The backup failed: {detail}</source>
        <translation>备份失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="139"/>
        <source>{file} could not be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="24"/>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="25"/>
        <source>{kpi}: a count cannot be negative ({value}).</source>
        <translation>{kpi}：数量不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="26"/>
        <source>{day} is outside the plan ({first} to {last}).</source>
        <translation>{day} 不在计划期内（{first} 至 {last}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="28"/>
        <source>Decimals must be between 0 and 6.</source>
        <translation>小数位必须在 0 到 6 之间。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="29"/>
        <source>A target needs a low or a high value.</source>
        <translation>目标需要下限或上限。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="30"/>
        <source>The target’s low value {low} is above its high value {high}.</source>
        <translation>目标下限 {low} 高于上限 {high}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="31"/>
        <source>The plan already has a KPI with the key “{key}”.</source>
        <translation>计划中已有键名为“{key}”的指标。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_print.py" line="10"/>
        <source>There is no role “{key}”.</source>
        <translation>岗位“{key}”不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_print.py" line="11"/>
        <location filename="../../opsdesk/services/people.py" line="28"/>
        <source>There is no active person with the login “{login}”.</source>
        <translation>没有登录名为“{login}”的在职人员。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="29"/>
        <source>The password for {login} is not correct.</source>
        <translation>{login} 的密码不正确。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="30"/>
        <source>{login} signs in with a password.</source>
        <translation>{login} 需要使用密码登录。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="31"/>
        <source>The login “{login}” is already taken.</source>
        <translation>登录名“{login}”已被占用。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="32"/>
        <source>There is already a role “{role}”.</source>
        <translation>岗位“{role}”已存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="33"/>
        <source>There is no role “{role}”.</source>
        <translation>岗位“{role}”不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="34"/>
        <source>Too many wrong passwords for {login}; try again in {seconds} s.</source>
        <translation>{login} 的密码错误次数过多；请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="36"/>
        <source>{login} is a manager without a password; set a password before going on.</source>
        <translation>{login} 是经理但尚未设置密码；请先设置密码再继续。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="38"/>
        <source>A manager needs a password; give {name} one.</source>
        <translation>经理必须有密码；请为 {name} 设置密码。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="40"/>
        <source>{name} has no password; set one before making them a manager.</source>
        <translation>{name} 还没有密码；设为经理前请先设置密码。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="42"/>
        <source>{name} is a manager; a manager&apos;s password cannot be removed.</source>
        <translation>{name} 是经理；经理的密码不能清除。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="44"/>
        <source>The password cannot be empty.</source>
        <translation>密码不能为空。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="45"/>
        <source>{login} already has a password; sign in with it to change it.</source>
        <translation>{login} 已有密码；请用它登录后再修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="105"/>
        <source>{name} is the last active manager; make someone else a manager first.</source>
        <translation>{name} 是最后一位在职经理，请先将其他人设为经理。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="16"/>
        <source>edit the plan (manager only)</source>
        <translation>编辑计划（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="17"/>
        <source>manage people and roles (manager only)</source>
        <translation>管理人员和岗位（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="18"/>
        <source>set KPI targets (manager only)</source>
        <translation>设置指标目标（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="19"/>
        <source>restore backups and import plans (manager only)</source>
        <translation>恢复备份和导入计划（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="20"/>
        <source>copy the whole database to a file or server of their choosing (manager only)</source>
        <translation>将整个数据库复制到自选的文件或服务器（仅经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="22"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="23"/>
        <source>tick off or reopen this task (only its assignee, staff of its role when it is unassigned, or a manager)</source>
        <translation>勾选完成或重新打开此任务（仅限负责人、任务未分配时该岗位的人员或经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="26"/>
        <source>reopen this task (only the one who ticked it off, or a manager)</source>
        <translation>重新打开这个任务（只有勾选完成的人或经理可以）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="29"/>
        <source>print someone else&apos;s or a role&apos;s list (manager only)</source>
        <translation>打印他人或某岗位的清单（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="30"/>
        <source>enter values for this KPI (only its owner role or a manager)</source>
        <translation>录入此指标的数值（仅限所属岗位或经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="32"/>
        <source>{name} may not {right}.</source>
        <translation>{name} 无权{right}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/phases.py" line="22"/>
        <source>The phase “{name}” still holds {count} task(s); move them to another phase first.</source>
        <translation>阶段“{name}”中还有 {count} 个任务，请先把它们移到其他阶段。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/phases.py" line="24"/>
        <location filename="../../opsdesk/services/plan_copy.py" line="314"/>
        <location filename="../../opsdesk/services/plans.py" line="27"/>
        <source>A plan needs at least one phase.</source>
        <translation>计划至少需要一个阶段。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/phases.py" line="25"/>
        <source>“{value}” is not a colour; write it as #rrggbb.</source>
        <translation>“{value}”不是有效颜色，请按 #rrggbb 格式填写。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plans.py" line="28"/>
        <source>The phase ends ({end}) before it starts ({start}).</source>
        <translation>阶段的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="26"/>
        <source>A task cannot be placed under itself or under one of its own subtasks.</source>
        <translation>任务不能放在自身或其子任务之下。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="27"/>
        <source>Linking these tasks would make a loop: a task would wait for itself.</source>
        <translation>关联这些任务会形成循环：任务将等待它自己。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="28"/>
        <source>“{title}” is already done.</source>
        <translation>“{title}”已完成。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="29"/>
        <source>“{title}” is not done, so it cannot be reopened.</source>
        <translation>“{title}”尚未完成，无法重新打开。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="30"/>
        <source>“{title}” cannot be skipped: only open occurrences of a routine can.</source>
        <translation>“{title}”不能跳过：只有例行工作中未完成的那几次可以跳过。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="32"/>
        <source>The {label} does not belong to this plan.</source>
        <translation>该{label}不属于此计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="33"/>
        <source>There is no active person with id {id}.</source>
        <translation>没有 ID 为 {id} 的在职人员。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="34"/>
        <source>{name} is no longer active; choose someone else.</source>
        <translation>{name} 已停用；请选择其他人。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="35"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="36"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="37"/>
        <source>parent task</source>
        <translation>父任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="38"/>
        <source>role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="11"/>
        <source>The {label} must not be empty.</source>
        <translation>{label}不能为空。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="12"/>
        <source>The {label} is too long (at most {limit} characters).</source>
        <translation>{label}过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="13"/>
        <source>The {label} {value} is outside {low} … {high}.</source>
        <translation>{label} {value} 超出范围 {low} … {high}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="14"/>
        <source>The due date {due} is before the start date {start}.</source>
        <translation>截止日期 {due} 早于开始日期 {start}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="16"/>
        <source>“{value}” is not a valid {label}.</source>
        <translation>“{value}”不是有效的{label}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="19"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="20"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="21"/>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="22"/>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="23"/>
        <source>due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="24"/>
        <source>launch date</source>
        <translation>上线日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="25"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="26"/>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="27"/>
        <source>comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="28"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="29"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="22"/>
        <source>The template {name} is not valid: {detail}</source>
        <translation>模板 {name} 无效：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="23"/>
        <source>There is no template “{name}”; available: {available}.</source>
        <translation>没有模板“{name}”；可用模板：{available}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_interchange.py" line="12"/>
        <source>“{value}” is not a week; write it as YYYY-Www, e.g. 2026-W47.</source>
        <translation>“{value}”不是有效的周，请按 YYYY-Www 格式填写，例如 2026-W47。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_interchange.py" line="13"/>
        <source>{file}: the file type is not known; use .planner, .gan (GanttProject), .xml (MS Project), .csv or .xlsx.</source>
        <translation>{file}：无法识别的文件类型，请使用 .planner、.gan（GanttProject）、.xml（MS Project）、.csv 或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_interchange.py" line="14"/>
        <source>There is no database at {db}; a new one is made only for a whole plan (.planner, .gan, .xml). Make one with `opsdesk init` first.</source>
        <translation>{db} 处没有数据库；只有导入整个计划（.planner、.gan、.xml）时才会新建数据库。请先用 `opsdesk init` 创建。</translation>
    </message>
    <message>
        <source>{file}: the file type is not known; use .planner, .xml (MS Project), .csv or .xlsx.</source>
        <translation type="vanished">{file}：无法识别的文件类型，请使用 .planner、.xml(MS Project)、.csv 或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_interchange.py" line="213"/>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_storage.py" line="9"/>
        <source>Give the server as a URL, e.g. postgresql+psycopg://opsdesk@db.example/opsdesk.</source>
        <translation>请以 URL 形式给出服务器，例如 postgresql+psycopg://opsdesk@db.example/opsdesk。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli_storage.py" line="11"/>
        <source>{path} is damaged and cannot be opened. To put the backup in its place, sign in with --user as a manager of the backup (with the backup&apos;s password: it is the file that will be in force).</source>
        <translation>{path} 已损坏，无法打开。要用备份替换它，请用 --user 以备份中的经理身份登录（使用备份中的密码：恢复后生效的是备份文件）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="17"/>
        <source>{file} cannot be read as {kind}: {detail}</source>
        <translation>{file} 无法作为{kind}读取：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="18"/>
        <source>{file} cannot be read as {kind}: the file contains XML that is refused for safety (entities or a DTD).</source>
        <translation>{file} 无法作为{kind}读取：文件含有出于安全原因拒绝的 XML（实体或 DTD）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="21"/>
        <source>{file} cannot be read as {kind}: the file is empty.</source>
        <translation>{file} 无法作为{kind}读取：文件是空的。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="22"/>
        <source>{file} cannot be read as {kind}: the XML is broken at line {line}, column {column}.</source>
        <translation>{file} 无法作为{kind}读取：XML 在第 {line} 行第 {column} 列处有错误。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="24"/>
        <source>{file} cannot be read as {kind}: the root element is &lt;{tag}&gt;, not &lt;{expected}&gt;.</source>
        <translation>{file} 无法作为{kind}读取：根元素是 &lt;{tag}&gt;，而不是 &lt;{expected}&gt;。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="26"/>
        <source>{file}: the project start “{value}” is not a date.</source>
        <translation>{file}：项目开始日期“{value}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="28"/>
        <source>{file}, task {task} “{name}”: the start “{value}” is not a date.</source>
        <translation>{file}，任务 {task}“{name}”：开始日期“{value}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="30"/>
        <source>{file}, task {task} “{name}”: the finish “{value}” is not a date.</source>
        <translation>{file}，任务 {task}“{name}”：完成日期“{value}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="32"/>
        <source>{file}, task {task} “{name}”: the percent complete “{value}” is not a number from 0 to 100.</source>
        <translation>{file}，任务 {task}“{name}”：完成百分比“{value}”不是 0 到 100 之间的数。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="35"/>
        <source>{file}, task {task} “{name}”: the outline level “{value}” is not a whole number.</source>
        <translation>{file}，任务 {task}“{name}”：大纲级别“{value}”不是整数。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="37"/>
        <source>{file}, task {task} “{name}”: the lag “{value}” of its link from task {pred} is not a number.</source>
        <translation>{file}，任务 {task}“{name}”：来自任务 {pred} 的关联的延隔时间“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="40"/>
        <source>{file}: task number {position} in the file, “{name}”, has no id.</source>
        <translation>{file}：文件中第 {position} 个任务“{name}”没有编号。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="42"/>
        <source>{file}: two tasks have the id {task}: “{first}” and “{second}”.</source>
        <translation>{file}：两个任务的编号都是 {task}：“{first}”和“{second}”。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="44"/>
        <source>{file}: the links between these tasks form a cycle, so they cannot be scheduled: {tasks}.</source>
        <translation>{file}：这些任务之间的关联形成了循环，无法排期：{tasks}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="47"/>
        <source>{file}, task {task} “{name}”: it finishes ({finish}) before it starts ({start}); it is imported finishing on its start day.</source>
        <translation>{file}，任务 {task}“{name}”：完成日期（{finish}）早于开始日期（{start}）；导入时将完成日期设为开始当天。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="50"/>
        <source>{file}, task {task} “{name}”: its link from task {pred} is left out; there is no task {pred}.</source>
        <translation>{file}，任务 {task}“{name}”：来自任务 {pred} 的关联未导入；不存在任务 {pred}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="53"/>
        <source>{file}, task {task} “{name}”: its link to itself is left out.</source>
        <translation>{file}，任务 {task}“{name}”：指向自身的关联未导入。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/plan_doc.py" line="55"/>
        <source>{file}, task {task} “{name}”: its anchor “{value}” is not understood (e.g. date:11-11, lunar:08-15, task:12|-2) and is left out; its dates stay as they are.</source>
        <translation>{file}，任务 {task}“{name}”：无法识别其基准“{value}”（例如 date:11-11、lunar:08-15、task:12|-2），未导入；日期保持不变。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/exports.py" line="24"/>
        <source>“{value}” cannot be written in {encoding}; choose UTF-8.</source>
        <translation>“{value}”无法用 {encoding} 编码写入，请选择 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/exports.py" line="25"/>
        <source>{name} has no tasks with dates to put in a calendar.</source>
        <translation>{name} 没有带日期的任务可放入日历。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/exports.py" line="26"/>
        <source>{name} has no milestones with dates to put in a calendar.</source>
        <translation>{name} 没有带日期的里程碑可放入日历。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="38"/>
        <source>{file} holds no tasks to import.</source>
        <translation>{file} 中没有可导入的任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="39"/>
        <source>{file}, task {task} “{name}”: the start {value} is outside {low} … {high}.</source>
        <translation>{file}，任务 {task}“{name}”：开始日期 {value} 不在 {low} … {high} 之内。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="41"/>
        <source>{file}, task {task} “{name}”: the finish {value} is outside {low} … {high}.</source>
        <translation>{file}，任务 {task}“{name}”：完成日期 {value} 不在 {low} … {high} 之内。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="43"/>
        <source>{path} already exists; choose a new file.</source>
        <translation>{path} 已存在，请选择一个新文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="44"/>
        <source>{file}: the link from task {pred} “{pred_name}” to task {succ} “{succ_name}” is left out: “{phase}” becomes a phase, and OpsDesk links tasks, not phases.</source>
        <translation>{file}：任务 {pred}“{pred_name}”到任务 {succ}“{succ_name}”的关联未导入：“{phase}”会成为一个阶段，而 OpsDesk 只关联任务，不关联阶段。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="47"/>
        <source>{file}, task {task} “{name}”: its anchor on task {anchor} is left out; there is no such task to hang on (a phase is not one); its dates stay as they are.</source>
        <translation>{file}，任务 {task}“{name}”：以任务 {anchor} 为基准的设置未导入；没有这个可作基准的任务（阶段不能作为基准）；日期保持不变。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/imports.py" line="50"/>
        <source>{file}, task {task} “{name}”: its anchor on task {anchor} is left out; the tasks would hang on each other; its dates stay as they are.</source>
        <translation>{file}，任务 {task}“{name}”：以任务 {anchor} 为基准的设置未导入；这些任务会互相作为基准；日期保持不变。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="42"/>
        <source>{file}: map a date column and at least one KPI column.</source>
        <translation>{file}：请指定日期列和至少一个指标列。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="43"/>
        <source>{file}, line {line}: there is no column “{column}”.</source>
        <translation>{file}，第 {line} 行：没有“{column}”列。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="44"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a number.</source>
        <translation>{file}，第 {line} 行，{column} 列：“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="45"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a date (write 2026-09-01, 2026/9/1, 20260901 or 2026年9月1日).</source>
        <translation>{file}，第 {line} 行，{column} 列：“{value}”不是有效日期（可写作 2026-09-01、2026/9/1、20260901 或 2026年9月1日）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="46"/>
        <source>{file}, line {line}, column {column}: {value} is outside the plan ({first} to {last}).</source>
        <translation>{file}，第 {line} 行，{column} 列：{value} 不在计划期内（{first} 至 {last}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="47"/>
        <source>{file}, line {line}, column {column}: {name} may not enter values for “{kpi}” (only its owner role or a manager).</source>
        <translation>{file}，第 {line} 行，{column} 列：{name} 不能录入“{kpi}”的数值（仅限负责岗位或经理）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="48"/>
        <source>{file}, line {line}, column {column}: a count cannot be negative ({value}).</source>
        <translation>{file}，第 {line} 行，{column} 列：数量不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="49"/>
        <source>{file}, line {line}, column {column}: there is no KPI “{value}” in this plan.</source>
        <translation>{file}，第 {line} 行，{column} 列：本计划中没有指标“{value}”。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="50"/>
        <source>There is no KPI with the key “{key}” in this plan.</source>
        <translation>本计划中没有键名为“{key}”的指标。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="51"/>
        <location filename="../../opsdesk/services/spending.py" line="53"/>
        <source>{file}: {count} problem(s) found, nothing was imported. First: {first}</source>
        <translation>{file}：发现 {count} 个问题，未导入任何数据。第一个问题：{first}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="52"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="53"/>
        <source>{file}: no header row naming a date column (统计日期, 日期, date) in lines {lines}; choose the line that holds the column names.</source>
        <translation>{file}：第 {lines} 行中没有包含日期列（统计日期、日期、date）的表头行，请选择列名所在的行。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="54"/>
        <source>{file}, line {line}: the “{word}” row is a total and was left out.</source>
        <translation>{file}，第 {line} 行：“{word}”行是合计行，未导入。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="55"/>
        <source>{file}: “{kpi}” has several rows for one day on {days} day(s) and the file has no columns to work it out from ({parts}); each day’s value is the mean of its rows. Check it.</source>
        <translation>{file}：“{kpi}”有 {days} 天同一天有多行数据，而文件中没有可用于计算的列（{parts}）；每天的数值取这些行的平均值。请核对。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpi_import.py" line="56"/>
        <source>{file}: the columns {columns} are known but the plan has no KPI for them; they are not imported.</source>
        <translation>{file}：能识别列 {columns}，但计划中没有对应的指标，这些列未导入。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/migrate_to.py" line="14"/>
        <source>{target} already holds OpsDesk data; copy only into an empty database.</source>
        <translation>{target} 中已有 OpsDesk 数据；只能复制到空数据库中。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/migrate_to.py" line="16"/>
        <source>The source and the target are the same database.</source>
        <translation>源数据库和目标数据库是同一个。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/schedule.py" line="18"/>
        <source>“{title}” has no dates yet; give it a start or a due date first.</source>
        <translation>“{title}”还没有日期，请先设置开始或截止日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/schedule.py" line="19"/>
        <source>The tasks to move belong to different plans.</source>
        <translation>要移动的任务属于不同的计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/series.py" line="22"/>
        <source>The repeat rule is not valid: {detail}</source>
        <translation>重复规则无效：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/series.py" line="23"/>
        <source>The routine has no day between {start} and {until}.</source>
        <translation>从 {start} 到 {until} 之间，这项例行工作一次也不会发生。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/series.py" line="24"/>
        <source>The routine would make {count} tasks; at most {limit} are allowed.</source>
        <translation>这项例行工作会生成 {count} 项任务，最多允许 {limit} 项。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="28"/>
        <source>{file}: the file is {size} MB; files up to {limit} MB can be imported.</source>
        <translation>{file}：文件大小为 {size} MB，最多只能导入 {limit} MB 的文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="29"/>
        <source>{file}: the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8 and try again.</source>
        <translation>{file}：文本既不是 UTF-8 也不是 GBK/GB18030；请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="30"/>
        <source>{file}, line {line}, column {column}: the text is not {encoding}; try GBK or GB18030.</source>
        <translation>{file}，第 {line} 行，第 {column} 列：文本不是 {encoding} 编码；请尝试 GBK 或 GB18030。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="31"/>
        <source>{file}: not a readable CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file.</source>
        <translation>{file}：不是可读取的 CSV、Excel（.xlsx、.xls）或 OpenDocument（.ods）文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="32"/>
        <source>{file}: line {line} is empty or beyond the end of the file; pick the line that holds the column names.</source>
        <translation>{file}：第 {line} 行为空或超出文件末尾，请选择列名所在的行。</translation>
    </message>
    <message>
        <source>{file}: not a readable CSV or Excel (.xlsx) file.</source>
        <translation type="vanished">{file}:不是可读取的 CSV 或 Excel(.xlsx)文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tables.py" line="33"/>
        <source>{file}: the file has no rows.</source>
        <translation>{file}：文件中没有数据行。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_bulk.py" line="25"/>
        <source>Choose at least one task first.</source>
        <translation>请先选择至少一个任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_bulk.py" line="26"/>
        <source>The chosen tasks belong to different plans.</source>
        <translation>所选任务属于不同的计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="34"/>
        <source>{file}: no column is mapped to the task title.</source>
        <translation>{file}：没有列对应任务标题。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="35"/>
        <source>{file}: there is no column “{column}”.</source>
        <translation>{file}：没有“{column}”这一列。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="36"/>
        <source>{file}, line {line}, column {column}: the title is empty.</source>
        <translation>{file}，第 {line} 行，“{column}”列：标题为空。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="37"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a date.</source>
        <translation>{file}，第 {line} 行，“{column}”列：“{value}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="38"/>
        <source>{file}, line {line}, column {column}: the due date is before the start date.</source>
        <translation>{file}，第 {line} 行，“{column}”列：截止日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="39"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a status.</source>
        <translation>{file}，第 {line} 行，“{column}”列：“{value}”不是有效状态。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="40"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a priority.</source>
        <translation>{file}，第 {line} 行，“{column}”列：“{value}”不是有效优先级。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="41"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a task id.</source>
        <translation>{file}，第 {line} 行，“{column}”列：“{value}”不是任务编号。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="42"/>
        <source>{file}, line {line}, column {column}: the due date {due} is before the task&apos;s start date {start}.</source>
        <translation>{file}，第 {line} 行，{column} 列：截止日期 {due} 早于任务的开始日期 {start}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="43"/>
        <source>{file}, line {line}, column {column}: task {value} is also on line {other}; a task can be in the file only once.</source>
        <translation>{file}，第 {line} 行，{column} 列：任务 {value} 也出现在第 {other} 行；一个任务在文件中只能出现一次。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="44"/>
        <source>{file}: the sheets {sheets} have other columns than the first sheet and were not read.</source>
        <translation>{file}：工作表 {sheets} 的列与第一个工作表不同，未读取。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/task_import.py" line="45"/>
        <source>{file}: {count} problem(s), nothing was imported. First: {first}</source>
        <translation>{file}：发现 {count} 个问题，未导入任何内容。第一个：{first}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/backup.py" line="20"/>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/backup.py" line="21"/>
        <source>Backups of a server database are made with the server&apos;s own tools (pg_dump).</source>
        <translation>服务器数据库的备份请用服务器自带的工具（pg_dump）完成。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/backup.py" line="23"/>
        <source>The backup cannot overwrite the database itself.</source>
        <translation>备份不能覆盖数据库本身。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/backup.py" line="24"/>
        <source>{path} is not a backup this version of OpsDesk can restore; nothing was changed.</source>
        <translation>{path} 不是此版本 OpsDesk 可以恢复的备份；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/backup.py" line="26"/>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>备份已取消；没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/engine.py" line="36"/>
        <source>The disk is full; the change was not saved and the database is unchanged. Free some space and try again.</source>
        <translation>磁盘已满；此次修改没有保存，数据库保持不变。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/engine.py" line="39"/>
        <source>The database reported an error: {detail}</source>
        <translation>数据库报告了一个错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/engine.py" line="40"/>
        <source>The database server cannot be reached: {detail}</source>
        <translation>无法连接数据库服务器：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/engine.py" line="41"/>
        <source>The database driver is not installed: {detail}</source>
        <translation>没有安装数据库驱动：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/engine.py" line="42"/>
        <source>Another program removed the database&apos;s journal while OpsDesk had it open; your change was not saved. OpsDesk has reconnected: please make the change again.</source>
        <translation>另一个程序在 OpsDesk 打开数据库时删除了它的日志文件；您的修改未保存。OpsDesk 已重新连接，请再做一次修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/mspdi.py" line="36"/>
        <source>a Microsoft Project XML file</source>
        <translation>Microsoft Project XML 文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/planner.py" line="31"/>
        <source>a GNOME Planner file</source>
        <translation>GNOME Planner 文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/xlsx_read.py" line="41"/>
        <source>{file}: the workbook unpacks to {size} MB; OpsDesk reads at most {max_mb} MB and {max_rows} rows per sheet.</source>
        <translation>{file}：该工作簿解压后为 {size} MB；OpsDesk 最多读取 {max_mb} MB、每个工作表 {max_rows} 行。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/xlsx_read.py" line="44"/>
        <source>{file}: the sheet “{sheet}” has {rows} rows and {columns} columns; OpsDesk reads at most {max_rows} rows and {max_columns} columns per sheet.</source>
        <translation>{file}：工作表“{sheet}”有 {rows} 行 {columns} 列；OpsDesk 每个工作表最多读取 {max_rows} 行、{max_columns} 列。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/xlsx_read.py" line="47"/>
        <source>{file}: the sheet “{sheet}” is damaged and cannot be read.</source>
        <translation>{file}：工作表“{sheet}”已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/xlsx_read.py" line="49"/>
        <source>{file}: not a readable Excel (.xlsx, .xls) or OpenDocument (.ods) workbook.</source>
        <translation>{file}：不是可读取的 Excel（.xlsx、.xls）或 OpenDocument（.ods）工作簿。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="39"/>
        <source>{who} changed “{what}” on {when} since; nothing was undone.</source>
        <translation>{who} 已于 {when} 修改了“{what}”；未撤销任何内容。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="41"/>
        <source>{who} changed “{what}” on {when} since; nothing was redone.</source>
        <translation>{who} 已于 {when} 修改了“{what}”；未重做任何内容。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="43"/>
        <source>Only {who}, who made this change, can undo it.</source>
        <translation>只有做出此修改的 {who} 才能撤销它。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="45"/>
        <source>Undoing this change needs the right to edit the plan.</source>
        <translation>撤销此修改需要编辑计划的权限。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="47"/>
        <source>There is nothing of yours to undo.</source>
        <translation>没有您可以撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="48"/>
        <source>This change is already undone.</source>
        <translation>此修改已被撤销。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="49"/>
        <source>This change is not undone; there is nothing to redo.</source>
        <translation>此修改未被撤销；没有可重做的内容。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/history.py" line="50"/>
        <source>This change cannot be undone: it changed nothing that can be put back.</source>
        <translation>此修改无法撤销：它没有改动可以恢复的内容。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/files.py" line="34"/>
        <source>{path} is the OpsDesk database that is open; choose another file.</source>
        <translation>{path} 是当前打开的 OpsDesk 数据库；请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/files.py" line="36"/>
        <source>{path} cannot be read: {detail}</source>
        <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/store/reading.py" line="22"/>
        <source>{path} was written by an older version of OpsDesk; open it once with the OpsDesk app to update it, then try again.</source>
        <translation>{path} 由旧版 OpsDesk 写入；请先用 OpsDesk 应用打开一次以完成升级，然后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/background.py" line="57"/>
        <source>The work stopped on an unexpected problem ({kind}). The details were written to {path}.</source>
        <translation>操作因意外问题（{kind}）中止。详细信息已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/background.py" line="65"/>
        <source>{file} could not be used: {reason}</source>
        <translation>无法使用 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/gan.py" line="45"/>
        <source>a GanttProject file</source>
        <translation>GanttProject 文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/interchange/gan.py" line="46"/>
        <source>{file}, task {task} “{name}”: the duration “{value}” is not a number of days.</source>
        <translation>{file}，任务 {task}“{name}”：工期“{value}”不是天数。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="25"/>
        <source>“{value}” is not a kind of anchor (launch, date, lunar, task).</source>
        <translation>“{value}”不是有效的基准类型（launch、date、lunar、task）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="26"/>
        <source>{month}-{day} is not a valid {kind} date ({detail}).</source>
        <translation>{month}-{day} 不是有效的 {kind} 日期（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="27"/>
        <source>The lunar calendar is known from 1900 to 2099; {year} is outside it.</source>
        <translation>农历只支持 1900 至 2099 年，{year} 年超出范围。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="29"/>
        <source>A task cannot hang on itself.</source>
        <translation>任务不能以自身为基准。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="30"/>
        <source>“{title}” already hangs on this task; they would wait for each other.</source>
        <translation>“{title}”已经以此任务为基准，两者会互相等待。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="32"/>
        <source>“{title}” has no due date to hang on.</source>
        <translation>“{title}”没有截止日期，不能作为基准。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="33"/>
        <source>days before or after the anchor</source>
        <translation>基准前后的天数</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="34"/>
        <source>Choose the task this one hangs on.</source>
        <translation>请选择作为基准的任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="36"/>
        <source>Lunar {wanted} does not exist in {year}: “{title}” is on the month&apos;s last day, {used} ({date}).</source>
        <translation>{year} 年没有农历{wanted}：“{title}”改在当月最后一天，即{used}（{date}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="38"/>
        <source>{year} has no 29 February: “{title}” is on 28 February.</source>
        <translation>{year} 年没有 2 月 29 日：“{title}”改在 2 月 28 日。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="40"/>
        <source>“{title}” falls on {date}, before the plan starts ({start}).</source>
        <translation>“{title}”落在 {date}，早于计划开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="42"/>
        <source>“{title}” ({date}) is already late: it comes before the shop opens on {launch}.</source>
        <translation>“{title}”（{date}）已经来不及：它早于店铺上线日 {launch}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/anchors.py" line="44"/>
        <source>“{title}” ({date}) is already late: its preparation “{prep}” cannot finish before {prep_due}.</source>
        <translation>“{title}”（{date}）已经来不及：准备工作“{prep}”在 {prep_due} 之前无法完成。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plan_copy.py" line="23"/>
        <source>“{value}” cannot be a template key: use letters, digits and “-” (e.g. shop-2027).</source>
        <translation>“{value}”不能用作模板键名：请使用字母、数字和“-”（例如 shop-2027）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plan_copy.py" line="25"/>
        <source>The template could not be written to {path}: {detail}</source>
        <translation>无法将模板写入 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="42"/>
        <source>enter spending and budgets (manager only)</source>
        <translation>录入花费和预算（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="43"/>
        <source>“{value}” is not a spending channel (直通车, 钻展, 淘宝客, 其他推广, 人员, 运营费用, 商品成本).</source>
        <translation>“{value}”不是有效的花费渠道（直通车、钻展、淘宝客、其他推广、人员、运营费用、商品成本）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="44"/>
        <source>“{value}” is not a budget scope (a channel, or 广告推广 ads, 人员 staff, 运营费用 operations, 商品成本 goods).</source>
        <translation>“{value}”不是有效的预算范围（某个渠道，或广告推广、人员、运营费用、商品成本）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="45"/>
        <source>“{value}” is not a day or a month (write 2026-09-01 or 2026-09).</source>
        <translation>“{value}”不是有效的日期或月份（请写成 2026-09-01 或 2026-09）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="46"/>
        <source>An amount cannot be negative ({value}).</source>
        <translation>金额不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="47"/>
        <source>“{value}” is not an amount.</source>
        <translation>“{value}”不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="48"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a spending channel (直通车, 钻展, 淘宝客, 其他推广, 人员, 运营费用, 商品成本).</source>
        <translation>{file}，第 {line} 行，{column} 列：“{value}”不是有效的花费渠道（直通车、钻展、淘宝客、其他推广、人员、运营费用、商品成本）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="49"/>
        <source>{file}, line {line}, column {column}: an amount cannot be negative ({value}).</source>
        <translation>{file}，第 {line} 行，{column} 列：金额不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="50"/>
        <source>{file}, line {line}, column {column}: “{value}” is not an amount.</source>
        <translation>{file}，第 {line} 行，{column} 列：“{value}”不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="51"/>
        <source>{file}, line {line}, column {column}: “{value}” is not a day or a month (write 2026-09-01 or 2026-09).</source>
        <translation>{file}，第 {line} 行，{column} 列：“{value}”不是有效的日期或月份（请写成 2026-09-01 或 2026-09）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/spending.py" line="52"/>
        <source>{file}: the spending file needs a date (日期), a channel (渠道) and an amount (金额) column; it has {columns}.</source>
        <translation>{file}：花费文件需要日期、渠道和金额三列，而该文件的列为 {columns}。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="442"/>
        <source>Export tasks to Excel</source>
        <translation>导出任务到 Excel</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="442"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="443"/>
        <source>Export tasks to CSV</source>
        <translation>导出任务到 CSV</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="443"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="444"/>
        <source>Export the plan to MS Project</source>
        <translation>导出计划到 MS Project</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="444"/>
        <source>MS Project XML (*.xml)</source>
        <translation>MS Project XML (*.xml)</translation>
    </message>
    <message>
        <source>Export milestones to a calendar</source>
        <translation type="vanished">导出里程碑到日历</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="447"/>
        <source>Calendars (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <source>Export my tasks to a calendar</source>
        <translation type="vanished">导出我的任务到日历</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="475"/>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <source>{count} row(s) written to {file}</source>
        <translation type="vanished">已写入 {count} 行到 {file}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="517"/>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="522"/>
        <source>Save the weekly report</source>
        <translation>保存周报</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="523"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Weekly report ({pages} page(s)) written to {file}</source>
        <translation type="vanished">周报（{pages} 页）已写入 {file}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/import_new.py" line="207"/>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="95"/>
        <source>Stopping…</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="445"/>
        <source>Export to a calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="471"/>
        <source>%n row(s) written to {file}</source>
        <translation>
            <numerusform>已写入 %n 行到 {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="532"/>
        <source>Weekly report (%n page(s)) written to {file}</source>
        <translation>
            <numerusform>周报（%n 页）已写入 {file}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="543"/>
        <source>Print the weekly report</source>
        <translation>打印周报</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="49"/>
        <source>Import a plan (Planner, MS Project)…</source>
        <translation>导入计划（Planner、MS Project）…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="50"/>
        <source>Import tasks (Excel, CSV)…</source>
        <translation>导入任务（Excel、CSV）…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="51"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="52"/>
        <source>&amp;Weekly report</source>
        <translation>周报(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="53"/>
        <source>Tasks to Excel…</source>
        <translation>任务到 Excel…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="53"/>
        <source>Tasks to CSV…</source>
        <translation>任务到 CSV…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="54"/>
        <source>Plan to MS Project XML…</source>
        <translation>计划到 MS Project XML…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="55"/>
        <source>To a calendar (ICS)…</source>
        <translation>到日历（ICS）…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="78"/>
        <source>Plans (*.planner *.mrproject *.gan *.xml);;All files (*)</source>
        <translation>计划文件 (*.planner *.mrproject *.gan *.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="85"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Milestones to a calendar (ICS)…</source>
        <translation type="vanished">里程碑到日历(ICS)…</translation>
    </message>
    <message>
        <source>My tasks to a calendar (ICS)…</source>
        <translation type="vanished">我的任务到日历(ICS)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="57"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="58"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="78"/>
        <source>Import a plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <source>Plans (*.planner *.mrproject *.xml);;All files (*)</source>
        <translation type="vanished">计划文件 (*.planner *.mrproject *.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/file_actions.py" line="85"/>
        <source>Import tasks</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation type="vanished">电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="113"/>
        <source>Filter tasks… (Ctrl+F)</source>
        <translation>筛选任务…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="114"/>
        <source>Filter by text</source>
        <translation>按文字筛选</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="115"/>
        <source>Words in the title or the assignee&apos;s name</source>
        <translation>标题或负责人姓名中的文字</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="116"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="117"/>
        <source>Due from</source>
        <translation>截止日期起</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="118"/>
        <source>Due until</source>
        <translation>截止日期止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="119"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="120"/>
        <source>Only open tasks past their due date</source>
        <translation>只看已过截止日期的未完成任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="121"/>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="122"/>
        <source>Only milestones</source>
        <translation>只看里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="123"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="124"/>
        <source>Remember these filters under a name</source>
        <translation>以一个名称保存这些筛选条件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="125"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="126"/>
        <source>Show every task</source>
        <translation>显示全部任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="127"/>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="128"/>
        <source>Saved filters</source>
        <translation>已保存的筛选</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="129"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="129"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="130"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="130"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="143"/>
        <source>All phases</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="144"/>
        <source>All roles</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="145"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="146"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="147"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="148"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="156"/>
        <source>Saved filters…</source>
        <translation>已保存的筛选…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="211"/>
        <source>Save filters</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/filterbar.py" line="211"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="159"/>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="183"/>
        <source>Import KPI values</source>
        <translation>导入指标数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="160"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="161"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="162"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="163"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="164"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="165"/>
        <source>Skip the bad rows and import the rest</source>
        <translation>跳过有问题的行，导入其余行</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="166"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="167"/>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="168"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="169"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="170"/>
        <source>The line that holds the column names; Auto finds it below the export&apos;s title lines.</source>
        <translation>列名所在的行；选“自动”会跳过导出文件开头的标题行自动查找。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="172"/>
        <source>Remember this mapping for exports with these columns</source>
        <translation>对相同列的导出文件记住此对应关系</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="174"/>
        <source>Choose a CSV or Excel export from the shop backend.</source>
        <translation>请选择店铺后台导出的 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="184"/>
        <source>Exports (*.csv *.txt *.xlsx *.xls *.ods);;All files (*)</source>
        <translation>导出文件 (*.csv *.txt *.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="228"/>
        <source>The file&apos;s first rows</source>
        <translation>文件前几行</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="265"/>
        <source>Per day, as it will be stored ({days} days)</source>
        <translation>按天汇总，即将保存的数据（{days} 天）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="270"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="326"/>
        <source>{rows} rows → {days} days: {new} new values, {changed} changed, {same} unchanged.</source>
        <translation>{rows} 行 → {days} 天：新增 {new} 个数值，修改 {changed} 个，未变 {same} 个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="388"/>
        <source>Imported from {file}: %n new value(s), {changed} changed.</source>
        <translation>
            <numerusform>已从 {file} 导入：新增 %n 个数值，修改 {changed} 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="391"/>
        <source>Imported from {file}: %n new value(s).</source>
        <translation>
            <numerusform>已从 {file} 导入：新增 %n 个数值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.xlsx)</source>
        <translation type="vanished">导出文件 (*.csv *.txt *.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="201"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="202"/>
        <source>header on line {line}</source>
        <translation>表头在第 {line} 行</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="216"/>
        <source>No row naming a date column (统计日期, 日期, date) in lines {lines}: set the header row to the line holding the column names.</source>
        <translation>第 {lines} 行中没有包含日期列（统计日期、日期、date）的行：请把表头行设为列名所在的行。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="220"/>
        <source>Check the columns, then press Check: nothing is written yet.</source>
        <translation>请核对列对应，然后点“检查”：此时尚未写入任何数据。</translation>
    </message>
    <message>
        <source>{rows} rows: {new} new values, {changed} changed, {same} unchanged.</source>
        <translation type="vanished">共 {rows} 行:新增 {new} 个数值,修改 {changed} 个,未变 {same} 个。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="331"/>
        <source>Will change: {list}.</source>
        <translation>将更改：{list}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="333"/>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="335"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="380"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
</context>
<context>
    <name>ImportNewDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/import_new.py" line="104"/>
        <source>Import into a new database</source>
        <translation>导入到新数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/import_new.py" line="111"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/import_new.py" line="121"/>
        <source>Open a plan from another tool</source>
        <translation>打开其他工具的计划</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="179"/>
        <source>Import a plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="180"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="180"/>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="181"/>
        <source>Launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="182"/>
        <source>Role for unmatched people</source>
        <translation>未匹配人员的岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="184"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="198"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="110"/>
        <source>Phases: {phases}</source>
        <translation>阶段：{phases}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="106"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="104"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="107"/>
        <source>%n milestone(s)</source>
        <translation>
            <numerusform>%n 个里程碑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="108"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个关联</numerusform>
        </translation>
    </message>
    <message>
        <source>{tasks} task(s), {milestones} milestone(s), {links} link(s)</source>
        <translation type="vanished">{tasks} 个任务，{milestones} 个里程碑，{links} 个关联</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="111"/>
        <source>People: {new} new, {matched} already here</source>
        <translation>人员：新增 {new} 人，已有 {matched} 人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="116"/>
        <source>New roles: {roles}</source>
        <translation>新岗位：{roles}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="119"/>
        <source>Groups that match no role: {groups}</source>
        <translation>未匹配到岗位的分组：{groups}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="125"/>
        <source>%n task(s) have no dates; they are imported unscheduled.</source>
        <translation>
            <numerusform>%n 个任务没有日期，将作为未排期任务导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="130"/>
        <source>… and %n more link(s) left out</source>
        <translation>
            <numerusform>……另有 %n 个关联未导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="135"/>
        <source>… and %n more warning(s)</source>
        <translation>
            <numerusform>……另有 %n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="208"/>
        <source>Nothing has been written yet. Importing accepts the warnings above.</source>
        <translation>尚未写入任何内容。点击导入即表示接受上述警告。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="210"/>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportTasksDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="297"/>
        <source>Import tasks</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="298"/>
        <source>Task ID (updates instead of adding)</source>
        <translation>任务编号（更新而非新增）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="298"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="299"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="299"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="299"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="300"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="300"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="300"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="301"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="301"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="302"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="305"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="306"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="307"/>
        <source>Update the tasks that match instead of adding them again</source>
        <translation>更新匹配的任务，而不是重复添加</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="325"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="337"/>
        <source>%n row(s) read; check the columns, then Check.</source>
        <translation>
            <numerusform>已读取 %n 行；请核对各列，然后点击“检查”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="369"/>
        <source>  “{title}”: {fields}</source>
        <translation>  “{title}”：{fields}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="371"/>
        <source>  … and %n more changed task(s)</source>
        <translation>
            <numerusform>  ……另有 %n 个任务被修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="377"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>新增 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="378"/>
        <source>{changed} changed, {same} unchanged</source>
        <translation>修改 {changed} 个，未变 {same} 个</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="384"/>
        <source>%n row(s) match tasks of the plan by title and due date: they update those tasks.</source>
        <translation>
            <numerusform>%n 行按标题和截止日期匹配到计划中的任务：将更新这些任务。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="386"/>
        <source>%n row(s) match tasks of the plan by title and due date and would be added twice.</source>
        <translation>
            <numerusform>%n 行按标题和截止日期匹配到计划中的任务，会被重复添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="392"/>
        <source>{name} (line {lines})</source>
        <translation>{name}（第 {lines} 行）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="395"/>
        <source>No match for these {kind} (a task keeps what it had; a new task leaves it empty): {names}</source>
        <translation>以下{kind}未匹配（已有任务保持原值，新任务留空）：{names}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="368"/>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="378"/>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="393"/>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="397"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{rows} row(s) read; check the columns, then Check.</source>
        <translation type="vanished">已读取 {rows} 行；请核对各列，然后点击“检查”。</translation>
    </message>
    <message>
        <source>{new} new task(s), {changed} changed, {same} unchanged</source>
        <translation type="vanished">新增 {new} 个任务，修改 {changed} 个，未变 {same} 个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="389"/>
        <source>phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="389"/>
        <source>roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="389"/>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>No match for these {kind} (left empty): {names}</source>
        <translation type="vanished">以下{kind}未匹配(留空)：{names}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="401"/>
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… 还有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="405"/>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="406"/>
        <source>Fix the file: nothing will be imported while it has problems.</source>
        <translation>请修正文件：存在问题时不会导入任何内容。</translation>
    </message>
</context>
<context>
    <name>KpiChart</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="249"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="275"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="506"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="263"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="510"/>
        <source>Cumulative actual</source>
        <translation>累计实际</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="265"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="512"/>
        <source>Cumulative target</source>
        <translation>累计目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="275"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="507"/>
        <source>7-day average</source>
        <translation>7日均值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="506"/>
        <source>Actual per period</source>
        <translation>每期实际</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="507"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="513"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="508"/>
        <source>Target range</source>
        <translation>目标区间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="511"/>
        <source>Average to date</source>
        <translation>至今均值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="517"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="570"/>
        <source>on track</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="517"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="570"/>
        <source>at risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="518"/>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="571"/>
        <source>off track</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/chart.py" line="518"/>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
</context>
<context>
    <name>KpisView</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="130"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="131"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="132"/>
        <source>KPI definitions…</source>
        <translation>指标定义…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="133"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="134"/>
        <source>All charts</source>
        <translation>全部图表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="135"/>
        <source>Enter values</source>
        <translation>录入数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="136"/>
        <source>Add KPIs from the template…</source>
        <translation>从模板添加指标…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="242"/>
        <source>&lt;b&gt;Budget {month}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{month}预算&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="245"/>
        <source>{scope}: {used} of {budget} used, {left} left</source>
        <translation>{scope}：已用 {used} / {budget}，剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="249"/>
        <source>{scope}: {used} of {budget} used, {over} over</source>
        <translation>{scope}：已用 {used} / {budget}，超支 {over}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="269"/>
        <source>Add KPIs from the template</source>
        <translation>从模板添加指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="286"/>
        <source>This plan has no KPIs yet (a plan imported from Planner or MS Project has none). Add the template’s KPIs (sales, ROI, conversion, reviews, orders, visitors) with their targets from the launch day, then change them under KPI definitions.</source>
        <translation>本计划还没有指标（从 Planner 或 MS Project 导入的计划不含指标）。可添加模板中的指标（销售额、ROI、转化率、评价、订单、访客）及其从上线日起的目标，之后在“指标定义”中修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="290"/>
        <source>This plan has no KPIs yet. The manager can add them from the plan template.</source>
        <translation>本计划还没有指标。经理可以从计划模板中添加。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="298"/>
        <source>As of {today} · click a card to chart it</source>
        <translation>截至 {today} · 点击卡片查看图表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/view.py" line="312"/>
        <source>&lt;b&gt;No values yet this month&lt;/b&gt;&lt;br&gt;%n KPI(s) with a target; {month} is on each card</source>
        <translation>
            <numerusform>&lt;b&gt;本月还没有数值&lt;/b&gt;&lt;br&gt;%n 个指标设有目标；每张卡片上显示{month}的数据</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="316"/>
        <source>No KPI has a target for this period.</source>
        <translation>本期没有设定目标的指标。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="319"/>
        <source>&lt;b&gt;Overall target completion {pct}%&lt;/b&gt;&lt;br&gt;{on} of {total} KPIs on track</source>
        <translation>&lt;b&gt;总体目标完成率 {pct}%&lt;/b&gt;&lt;br&gt;{total} 个指标中 {on} 个达标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="327"/>
        <source>&lt;b&gt;{kpi} {actual}&lt;/b&gt; of the {goal} goal for {span} ({pct}%)</source>
        <translation>&lt;b&gt;{kpi} {actual}&lt;/b&gt; / {span} 目标 {goal}（{pct}%）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="357"/>
        <source>on track</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="357"/>
        <source>at risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="358"/>
        <source>off track</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="359"/>
        <location filename="../../opsdesk/ui/kpis/view.py" line="370"/>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="359"/>
        <source>no values yet</source>
        <translation>暂无数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="372"/>
        <source>target {low}–{high}</source>
        <translation>目标 {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="375"/>
        <source>at most {value}</source>
        <translation>不超过 {value}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="379"/>
        <source>at least {value}</source>
        <translation>不低于 {value}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="380"/>
        <source>target {value}</source>
        <translation>目标 {value}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="389"/>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="389"/>
        <source>not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="390"/>
        <source>below</source>
        <translation>低于区间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="390"/>
        <source>inside</source>
        <translation>区间内</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="391"/>
        <source>above</source>
        <translation>高于区间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="399"/>
        <source>{amount} above the minimum</source>
        <translation>高出下限 {amount}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="400"/>
        <source>{amount} short of the minimum</source>
        <translation>距下限差 {amount}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="402"/>
        <source>{amount} under the maximum</source>
        <translation>低于上限 {amount}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="403"/>
        <source>{amount} over the maximum</source>
        <translation>超出上限 {amount}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="405"/>
        <source>inside the range</source>
        <translation>在区间内</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="407"/>
        <source>{amount} below the range</source>
        <translation>低于区间 {amount}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="408"/>
        <source>{amount} above the range: good</source>
        <translation>高于区间 {amount}：好</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="409"/>
        <source>{amount} above the range: too high</source>
        <translation>高于区间 {amount}：偏高</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="424"/>
        <source>day {day} of {days}</source>
        <translation>第 {day}/{days} 天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="426"/>
        <source>{month}: {value}</source>
        <translation>{month}：{value}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="451"/>
        <source>Above the range is good.</source>
        <translation>高于区间为好。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="452"/>
        <source>Above the range is too high.</source>
        <translation>高于区间为偏高。</translation>
    </message>
    <message>
        <source>target ≤ {value}</source>
        <translation type="vanished">目标 ≤ {value}</translation>
    </message>
    <message>
        <source>target ≥ {value}</source>
        <translation type="vanished">目标 ≥ {value}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/view.py" line="449"/>
        <source>Judged by pace: the share of the target due by today.</source>
        <translation>按进度评估：与截至今天应完成的目标份额相比。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="12"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="13"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="14"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="15"/>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="16"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="17"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="46"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="47"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="48"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="49"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>LaunchMove</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="21"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="23"/>
        <source>on a calendar date</source>
        <translation>固定在公历日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="25"/>
        <source>on a lunar date</source>
        <translation>固定在农历日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="26"/>
        <source>hangs on “{title}”, which stays</source>
        <translation>以“{title}”为基准，而它不动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="46"/>
        <source>• %n finished task(s) keep their dates</source>
        <translation>
            <numerusform>• %n 个已完成任务保持原日期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="51"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="53"/>
        <source>The shop opened on {old}. Move launch day to {new}?</source>
        <translation>店铺已于 {old} 上线。要把上线日移到 {new} 吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="56"/>
        <source>%n unfinished task(s) that depend on launch day move with it.</source>
        <translation>
            <numerusform>%n 个以上线日为基准的未完成任务会随之移动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="58"/>
        <source>%n task(s) stay where they are:</source>
        <translation>
            <numerusform>%n 个任务保持不动：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="61"/>
        <source>Monthly targets stay on their calendar months (%n); the other targets move ({moving}).</source>
        <translation>
            <numerusform>月度目标留在原来的自然月（%n 个）；其他目标随之移动（{moving} 个）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="64"/>
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="68"/>
        <source>Move launch day</source>
        <translation>移动上线日</translation>
    </message>
</context>
<context>
    <name>LinkKinds</name>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="25"/>
        <source>FS</source>
        <comment>finish-to-start link</comment>
        <translation>FS</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="26"/>
        <source>SS</source>
        <comment>start-to-start link</comment>
        <translation>SS</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="27"/>
        <source>FF</source>
        <comment>finish-to-finish link</comment>
        <translation>FF</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="28"/>
        <source>SF</source>
        <comment>start-to-finish link</comment>
        <translation>SF</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="36"/>
        <source>Finish to start: this task starts when the other finishes</source>
        <translation>完成-开始：对方完成后，此任务开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="37"/>
        <source>Start to start: this task starts when the other starts</source>
        <translation>开始-开始：对方开始时，此任务开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="38"/>
        <source>Finish to finish: this task finishes when the other finishes</source>
        <translation>完成-完成：对方完成时，此任务完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="39"/>
        <source>Start to finish: this task finishes when the other starts</source>
        <translation>开始-完成：对方开始时，此任务完成</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="81"/>
        <source>Sign in to OpsDesk</source>
        <translation>登录 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="82"/>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="83"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="87"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="463"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="472"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>OpsDesk — {db}</source>
        <translation type="vanished">OpsDesk — {db}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="vanished">概览</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="474"/>
        <location filename="../../opsdesk/ui/main_window.py" line="475"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="476"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="477"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="478"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="479"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="480"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="481"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="482"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="483"/>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="484"/>
        <source>&amp;Copy plan…</source>
        <translation>复制计划(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="485"/>
        <source>Save as &amp;template…</source>
        <translation>另存为模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="486"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="487"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="488"/>
        <source>Undo &amp;history</source>
        <translation>撤销历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="489"/>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="490"/>
        <source>&lt;nothing done yet&gt;</source>
        <translation>&lt;尚无操作&gt;</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="491"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="492"/>
        <source>Switch &amp;user…</source>
        <translation>切换用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="493"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="494"/>
        <source>&amp;About OpsDesk</source>
        <translation>关于 OpsDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="495"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="496"/>
        <source>&amp;Print my list…</source>
        <translation>打印我的清单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="500"/>
        <source>&amp;Spending and budgets…</source>
        <translation>花费与预算(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="515"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="522"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="524"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="540"/>
        <source>{name} (manager)</source>
        <translation>{name}（经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="541"/>
        <source>Signed in: </source>
        <translation>当前用户：</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="584"/>
        <source>{plan} — {person} — OpsDesk</source>
        <translation>{plan} — {person} — OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="655"/>
        <source>About OpsDesk</source>
        <translation>关于 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="656"/>
        <source>&lt;h3&gt;OpsDesk {version}&lt;/h3&gt;&lt;p&gt;Plans, tasks, milestones and KPIs for teams that launch and run online shops.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpsDesk {version}&lt;/h3&gt;&lt;p&gt;为开设和运营网店的团队管理计划、任务、里程碑和指标。&lt;/p&gt;&lt;p&gt;基于 MIT 许可证发布的自由软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="394"/>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="395"/>
        <source>&amp;Phases…</source>
        <translation>阶段(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>MyWork</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="11"/>
        <source>You have %n overdue task(s)</source>
        <translation>
            <numerusform>你有 %n 项任务已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="12"/>
        <source> and %n due today.</source>
        <translation>
            <numerusform>，%n 项今天到期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="14"/>
        <source>You have %n overdue task(s).</source>
        <translation>
            <numerusform>你有 %n 项任务已逾期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="16"/>
        <source>You have %n task(s) due today.</source>
        <translation>
            <numerusform>你有 %n 项任务今天到期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="152"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="153"/>
        <location filename="../../opsdesk/ui/mywork/view.py" line="405"/>
        <source>New routine…</source>
        <translation>新建例行工作…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="154"/>
        <source>Print my list…</source>
        <translation>打印我的清单…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="155"/>
        <source>Today’s or this week’s list on paper or as PDF, with tick boxes (Ctrl+P)</source>
        <translation>把今天或本周的清单打印出来或存为 PDF，带勾选框（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="157"/>
        <source>A task that repeats daily, on chosen weekdays, weekly or monthly</source>
        <translation>每天、每周指定几天、每周或每月重复的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="159"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="160"/>
        <source>Dismiss the reminder</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="161"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="162"/>
        <source>Nothing to do: no open task is yours or your role&apos;s.</source>
        <translation>没有待办：没有分给你或你岗位的未完成任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="163"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="163"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="164"/>
        <source>Rest of this week</source>
        <translation>本周稍后</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="164"/>
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="168"/>
        <source>click the box to tick off today’s or to mark the missed days skipped</source>
        <translation>点击方框勾选今天的，或把漏掉的几天标为跳过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="198"/>
        <source>{dates} · missed %n day(s)</source>
        <translation>
            <numerusform>{dates} · 漏了 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="202"/>
        <source>{date} · %n day(s) late</source>
        <translation>
            <numerusform>{date} · 逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="204"/>
        <source>today {date}</source>
        <translation>今天 {date}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="206"/>
        <source>tomorrow {date}</source>
        <translation>明天 {date}</translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="vanished">本周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="165"/>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="165"/>
        <source>Done recently</source>
        <translation>最近完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="167"/>
        <source>for your role</source>
        <translation>你的岗位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="184"/>
        <source>{name} · {roles} · {today} · %n open</source>
        <translation>
            <numerusform>{name} · {roles} · {today} · %n 项未完成</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="193"/>
        <source>done {date}</source>
        <translation>{date}完成</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation type="vanished">
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation type="vanished">今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="vanished">明天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="325"/>
        <source>Reopen “{title}”</source>
        <translation>重新打开“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="325"/>
        <source>Tick off “{title}”</source>
        <translation>勾选完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="344"/>
        <source>Tick off today’s</source>
        <translation>勾选完成今天的</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="349"/>
        <source>Mark the %n missed day(s) skipped</source>
        <translation>
            <numerusform>把漏掉的 %n 天标为跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="364"/>
        <source>Skip %n missed day(s) of “{title}”</source>
        <translation>
            <numerusform>跳过“{title}”漏掉的 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="393"/>
        <source>Show details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="397"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="397"/>
        <source>Tick off</source>
        <translation>勾选完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/view.py" line="403"/>
        <source>Edit routine…</source>
        <translation>编辑例行工作…</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="42"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="58"/>
        <source>the template&apos;s name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="74"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="75"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="76"/>
        <source>Launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="77"/>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="78"/>
        <source>Your name (manager)</source>
        <translation>您的姓名（经理）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="79"/>
        <source>Your login</source>
        <translation>您的登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="80"/>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="81"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="84"/>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="87"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="88"/>
        <source>OpsDesk databases (*.db)</source>
        <translation>OpsDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="96"/>
        <source>{path} already exists; choose a new file.</source>
        <translation>{path} 已存在，请选择一个新文件。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="106"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OpenProblems</name>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="51"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="52"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="53"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="54"/>
        <source>Make a new plan in this file…</source>
        <translation>在此文件中新建计划…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="79"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="81"/>
        <source>OpsDesk database (*.db);;All files (*)</source>
        <translation>OpsDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/open_problems.py" line="99"/>
        <source>The backup is in place. The file that would not open is kept as {path}.</source>
        <translation>备份已就位。无法打开的文件已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="117"/>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="118"/>
        <source>Next milestones</source>
        <translation>近期里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="119"/>
        <source>Overdue work</source>
        <translation>逾期工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="120"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="120"/>
        <source>In</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="120"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="121"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="121"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="121"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="122"/>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="170"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>上线第 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="172"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>距上线还有 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="173"/>
        <source>Launch day {launch} · today {today} · {since}</source>
        <translation>上线日 {launch} · 今天 {today} · {since}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="178"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="179"/>
        <source>Launch</source>
        <translation>上线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="198"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>未完成任务（%n 项进行中）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="200"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="202"/>
        <source>blocked</source>
        <translation>受阻</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="206"/>
        <source>tasks done (%n skipped)</source>
        <translation>
            <numerusform>已完成任务（%n 项已跳过）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="207"/>
        <source>tasks done</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="210"/>
        <source>no milestone ahead</source>
        <translation>暂无后续里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="212"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="243"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="212"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="243"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="258"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="213"/>
        <source>to the next milestone</source>
        <translation>距下一个里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="215"/>
        <source>milestones reached</source>
        <translation>已达成里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="226"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="228"/>
        <source>{done} of {total} tasks done ({pct}%)</source>
        <translation>已完成 {done}/{total} 个任务（{pct}%）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="231"/>
        <source>{pct}% of the time passed</source>
        <translation>时间已过 {pct}%</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="233"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="249"/>
        <source>No milestone ahead</source>
        <translation>暂无后续里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="259"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="266"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="268"/>
        <source>Nothing is overdue.</source>
        <translation>没有逾期工作。</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="97"/>
        <source>People and roles</source>
        <translation>人员与岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="98"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="99"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="101"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="101"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="101"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="101"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="102"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="103"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="103"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="104"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="105"/>
        <source>Add person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="105"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="106"/>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="106"/>
        <source>Clear password</source>
        <translation>清除密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="109"/>
        <source>Add role…</source>
        <translation>添加岗位…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="110"/>
        <source>Edit role…</source>
        <translation>编辑岗位…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="111"/>
        <source>Names and colour of the selected role</source>
        <translation>所选岗位的名称和颜色</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="133"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="134"/>
        <source>active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="134"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="177"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="178"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="194"/>
        <source>Add {name}</source>
        <translation>添加{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="211"/>
        <source>Edit {name}</source>
        <translation>编辑{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="224"/>
        <source>Reactivate {name}</source>
        <translation>重新启用{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="225"/>
        <location filename="../../opsdesk/ui/people/view.py" line="279"/>
        <source>Deactivate {name}</source>
        <translation>停用{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="243"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="243"/>
        <source>New password for {name}:</source>
        <translation>{name}的新密码：</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="248"/>
        <source>Password of {name}</source>
        <translation>{name}的密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="256"/>
        <source>Add role {name}</source>
        <translation>添加岗位{name}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="271"/>
        <source>Edit role {name}</source>
        <translation>编辑岗位{name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/people/view.py" line="280"/>
        <source>{name} still holds %n open task(s) of this plan.</source>
        <translation>
            <numerusform>{name} 在本计划中还有 %n 个未完成的任务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="283"/>
        <source>Give them back to their roles (unassigned), so that the team sees them in My work, or keep them with {name} and give them away later in Team.</source>
        <translation>把它们交还给各自岗位（不指定负责人），团队成员就能在“我的工作”中看到；或者暂时保留在{name}名下，稍后在“团队”中转交。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="286"/>
        <source>Deactivate and unassign</source>
        <translation>停用并取消分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/view.py" line="287"/>
        <source>Deactivate, keep the tasks</source>
        <translation>停用，保留任务</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="38"/>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="38"/>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="50"/>
        <source>Manager (may edit the plan and manage people)</source>
        <translation>经理（可编辑计划、管理人员）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="56"/>
        <source>optional: staff may sign in without one</source>
        <translation>可不填：员工可以不用密码登录</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="58"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="59"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="60"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="63"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PhasesDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="75"/>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="315"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="76"/>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="315"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="77"/>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="316"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="78"/>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="316"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="214"/>
        <source>This phase holds %n task(s): move them to another phase first.</source>
        <translation>
            <numerusform>此阶段中有 %n 个任务：请先把它们移到其他阶段。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="229"/>
        <source>The end is before the start.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="237"/>
        <source>These dates overlap {phases}. That is allowed; the timeline shows the phases over each other.</source>
        <translation>这些日期与{phases}重叠。这是允许的；时间线会把这些阶段叠在一起显示。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="260"/>
        <source>Change phase “{name}”</source>
        <translation>修改阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="280"/>
        <source>Add phase “{name}”</source>
        <translation>添加阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="292"/>
        <source>Remove phase “{name}”</source>
        <translation>删除阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="303"/>
        <source>Move phase “{name}” up</source>
        <translation>上移阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="304"/>
        <source>Move phase “{name}” down</source>
        <translation>下移阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="311"/>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="312"/>
        <source>Rename a phase, change its dates, add one (a 双11 campaign), remove an empty one or change the order. Each change is one step you can undo (Ctrl+Z).</source>
        <translation>可以重命名阶段、修改日期、添加阶段（如双11大促）、删除空阶段或调整顺序。每次修改都是一步，可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="316"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="318"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="319"/>
        <source>Add phase…</source>
        <translation>添加阶段…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="320"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="321"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="322"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="330"/>
        <source>Add phase</source>
        <translation>添加阶段</translation>
    </message>
</context>
<context>
    <name>PrintList</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="50"/>
        <source>{dates} · missed %n day(s)</source>
        <translation>
            <numerusform>{dates} · 漏了 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="56"/>
        <source>{date} · %n day(s) late</source>
        <translation>
            <numerusform>{date} · 逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="59"/>
        <source>{date} · today</source>
        <translation>{date} · 今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="70"/>
        <source>{who}: list for this week</source>
        <translation>{who}：本周清单</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="73"/>
        <source>{who}: list for today</source>
        <translation>{who}：今日清单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="76"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="78"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="78"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="78"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="79"/>
        <source>Nothing is due.</source>
        <translation>没有到期的任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="96"/>
        <source>Printed by OpsDesk on {date}</source>
        <translation>由 OpsDesk 打印于 {date}</translation>
    </message>
</context>
<context>
    <name>PrintListDialog</name>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="140"/>
        <source>Print my list</source>
        <translation>打印我的清单</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="143"/>
        <source>My list ({name})</source>
        <translation>我的清单（{name}）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="150"/>
        <source>Role: {role}</source>
        <translation>岗位：{role}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="153"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="155"/>
        <source>This week (to Sunday)</source>
        <translation>本周（至周日）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="159"/>
        <source>Whose list</source>
        <translation>谁的清单</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="164"/>
        <source>For</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="166"/>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="169"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="215"/>
        <source>Save the list as PDF</source>
        <translation>将清单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="216"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <location filename="../../opsdesk/ui/widgets/problem_banner.py" line="37"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="117"/>
        <source>Show OpsDesk</source>
        <translation>显示 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="118"/>
        <source>never</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="119"/>
        <source>Remind me each morning at {time}…</source>
        <translation>每天早上提醒时间：{time}…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="120"/>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在托盘中继续运行</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="121"/>
        <source>Quit OpsDesk</source>
        <translation>退出 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="165"/>
        <source>OpsDesk: your work</source>
        <translation>OpsDesk：您的工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="183"/>
        <location filename="../../opsdesk/ui/reminders.py" line="193"/>
        <source>Morning reminder</source>
        <translation>早间提醒</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="184"/>
        <source>Remind me of my due work each morning at (HH:MM; empty: never):</source>
        <translation>每天早上几点提醒我到期工作（HH:MM；留空为不提醒）：</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/reminders.py" line="194"/>
        <source>“{value}” is not a time; write it as HH:MM, e.g. 08:30.</source>
        <translation>“{value}”不是有效时间，请按 HH:MM 格式填写，例如 08:30。</translation>
    </message>
</context>
<context>
    <name>RestoreSignInDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="34"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="36"/>
        <source>{backup} will be put in place of {file}, which is kept beside it under another name. Nobody can sign in to a file that will not open, so sign in as a manager of the backup.</source>
        <translation>将用 {backup} 替换 {file}，原文件会以另一个名称保留在旁边。无法打开的文件不能登录，所以请以备份中的经理身份登录。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="49"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="54"/>
        <source>Manager&apos;s login</source>
        <translation>经理账号</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="55"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/restore_sign_in.py" line="64"/>
        <source>Enter the login of a manager of the backup.</source>
        <translation>请输入备份中一位经理的账号。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="92"/>
        <source>Edit role</source>
        <translation>编辑岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="92"/>
        <source>Add role</source>
        <translation>添加岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="103"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="104"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="105"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/people/dialogs.py" line="115"/>
        <source>Role colour</source>
        <translation>岗位颜色</translation>
    </message>
</context>
<context>
    <name>RoutineDialog</name>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="142"/>
        <source>Edit routine</source>
        <translation>编辑例行工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="142"/>
        <source>New routine</source>
        <translation>新建例行工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="143"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="143"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="143"/>
        <source>Person</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="144"/>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="144"/>
        <source>On</source>
        <translation>在</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation type="vanished">每月几号</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="145"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="145"/>
        <source>Monthly on</source>
        <translation>每月的</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="146"/>
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="146"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="147"/>
        <source>Apply to</source>
        <translation>应用于</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="150"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="150"/>
        <source>On chosen weekdays</source>
        <translation>每周指定几天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="150"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="151"/>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="157"/>
        <source>same day as the start</source>
        <translation>与开始日相同</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="158"/>
        <source>0: the start&apos;s day of the month</source>
        <translation>0：与开始日同一天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="159"/>
        <source>Day of the month</source>
        <translation>某一天（按日期）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="159"/>
        <source>The last day of the month</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="160"/>
        <source>A weekday of the month</source>
        <translation>第几个星期几</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="161"/>
        <source>first</source>
        <translation>第一个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="161"/>
        <source>second</source>
        <translation>第二个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="161"/>
        <source>third</source>
        <translation>第三个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="161"/>
        <source>fourth</source>
        <translation>第四个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="162"/>
        <source>last</source>
        <translation>最后一个</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="176"/>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="280"/>
        <source>This one</source>
        <translation>仅这一次</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="177"/>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="282"/>
        <source>This and later</source>
        <translation>这一次及以后</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="178"/>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="284"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="242"/>
        <source>New routine “{title}”</source>
        <translation>新建例行工作“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="263"/>
        <source>Edit routine “{title}”</source>
        <translation>编辑例行工作“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="275"/>
        <source>Routine</source>
        <translation>例行工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/mywork/routine_dialog.py" line="276"/>
        <source>This task repeats. Change which ones?</source>
        <translation>这项任务是重复的。要修改哪些？</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="132"/>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="137"/>
        <source>Letters, digits and “-”; also the file&apos;s name.</source>
        <translation>字母、数字和“-”；同时用作文件名。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="152"/>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="153"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="154"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="165"/>
        <source>Saved to {path}; New plan and “opsdesk init --template {key}” offer it.</source>
        <translation>已保存到 {path}；“新建计划”和“opsdesk init --template {key}”中可以使用它。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="174"/>
        <source>A template “{key}” exists already. Replace it?</source>
        <translation>模板“{key}”已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="195"/>
        <source>Template saved to {path}</source>
        <translation>模板已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="32"/>
        <source>The password of {user} on {server}:</source>
        <translation>{user} 在 {server} 上的密码：</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="34"/>
        <source>The server refused the password. Try again.</source>
        <translation>服务器拒绝了此密码。请重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="40"/>
        <source>Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="43"/>
        <source>No system keyring is available, so the password cannot be remembered; put it in ~/.pgpass to open this server without typing it.</source>
        <translation>没有可用的系统密钥环，无法记住密码；把它写入 ~/.pgpass 即可免输入打开此服务器。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="77"/>
        <source>The password of {user} on {server} is not remembered: no system keyring is available. Put it in ~/.pgpass to open this server without typing it.</source>
        <translation>未记住 {user} 在 {server} 上的密码：没有可用的系统密钥环。把它写入 ~/.pgpass 即可免输入打开此服务器。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/server_password.py" line="82"/>
        <source>Remember the password of {user} on {server} in the system keyring? OpsDesk never writes it to its settings.</source>
        <translation>要在系统密钥环中记住 {user} 在 {server} 上的密码吗？OpsDesk 从不把它写入设置文件。</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../opsdesk/ui/login/set_password.py" line="56"/>
        <source>Set your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/set_password.py" line="58"/>
        <source>{name}, you are a manager and have no password yet. Managers sign in with a password, so set one now; from now on you sign in with it.</source>
        <translation>{name}，您是经理，但还没有密码。经理需凭密码登录，请现在设置；以后请用它登录。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/set_password.py" line="60"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/set_password.py" line="61"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/set_password.py" line="65"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/shortcuts.py" line="90"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/shortcuts.py" line="93"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/shortcuts.py" line="93"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SpendingDialog</name>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="217"/>
        <source>Spending and budgets</source>
        <translation>花费与预算</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="218"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="219"/>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="286"/>
        <source>Enter spending</source>
        <translation>录入花费</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="220"/>
        <source>for the whole month</source>
        <translation>按整月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="221"/>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="229"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="222"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="223"/>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="224"/>
        <source>Monthly budget</source>
        <translation>月度预算</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="225"/>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="307"/>
        <source>Set budget</source>
        <translation>设置预算</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="226"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="227"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="228"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="228"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="229"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="299"/>
        <source>Remove spending</source>
        <translation>移除花费</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="315"/>
        <source>Import spending</source>
        <translation>导入花费</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="316"/>
        <source>Spending (*.csv *.txt *.xlsx *.xls *.ods);;All files (*)</source>
        <translation>花费文件 (*.csv *.txt *.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/spending.py" line="330"/>
        <source>{file}: %n problem(s) found; nothing is imported.</source>
        <translation>
            <numerusform>{file}：发现 %n 个问题，未导入任何数据。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="334"/>
        <source>{file}: {new} new, {changed} changed, {same} unchanged; nothing is written until you press Import.</source>
        <translation>{file}：新增 {new} 条，修改 {changed} 条，未变 {same} 条；点击“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="344"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/kpis/spending.py" line="348"/>
        <source>{file} imported.</source>
        <translation>已导入 {file}。</translation>
    </message>
</context>
<context>
    <name>TaskDelegate</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/delegates.py" line="214"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/delegates.py" line="232"/>
        <source>{name} (no longer active)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="90"/>
        <source>(deactivated person)</source>
        <translation>（已停用人员）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="197"/>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="197"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="198"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="198"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="198"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="199"/>
        <source>Part of</source>
        <translation>上级任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="199"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="200"/>
        <source>Start – due</source>
        <translation>开始 – 截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="200"/>
        <source>Anchor</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="201"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="202"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="202"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="203"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="203"/>
        <source>Subtasks</source>
        <translation>子任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="204"/>
        <source>Waits for</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="216"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="217"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="218"/>
        <source>This task is a milestone</source>
        <translation>此任务是里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="219"/>
        <source>New subtask title</source>
        <translation>新子任务标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="220"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="221"/>
        <source>Add link</source>
        <translation>添加关联</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="222"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="225"/>
        <source>Task this one waits for</source>
        <translation>此任务要等待的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="226"/>
        <source>FS: starts after it finishes; SS: starts with it; FF: finishes with it. Lag in days.</source>
        <translation>FS：对方完成后开始；SS：与对方同时开始；FF：与对方同时完成。延迟以天计。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="228"/>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="229"/>
        <source>Lag in days</source>
        <translation>延迟天数</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="230"/>
        <source>Link kind</source>
        <translation>关联类型</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="268"/>
        <source>Moves with launch day.</source>
        <translation>随上线日移动。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="283"/>
        <source>Due on {date}; it follows the task it hangs on.</source>
        <translation>{date} 截止；跟随作为基准的任务移动。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="284"/>
        <source>Due on {date}; stays there when launch day moves.</source>
        <translation>{date} 截止；上线日移动时保持不变。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="372"/>
        <source>The dates fall outside the plan ({low} – {high}); you can still save.</source>
        <translation>日期超出计划范围（{low} – {high}），仍可保存。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/dialog.py" line="377"/>
        <source>The dates fall outside the phase ({low} – {high}); you can still save.</source>
        <translation>日期超出所选阶段（{low} – {high}），仍可保存。</translation>
    </message>
</context>
<context>
    <name>TaskExportDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="51"/>
        <source>Export tasks to Excel</source>
        <translation>导出任务到 Excel</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="52"/>
        <source>Export tasks to CSV</source>
        <translation>导出任务到 CSV</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="53"/>
        <source>All tasks of the plan (%n)</source>
        <translation>
            <numerusform>计划的全部任务（%n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="54"/>
        <source>The tasks the Tasks view shows (%n)</source>
        <translation>
            <numerusform>任务视图当前显示的任务（%n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="56"/>
        <source>The selected tasks (%n)</source>
        <translation>
            <numerusform>选中的任务（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="63"/>
        <source>No filter is set in the Tasks view.</source>
        <translation>任务视图中没有设置筛选。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="69"/>
        <source>One sheet</source>
        <translation>一个工作表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="70"/>
        <source>One sheet per phase</source>
        <translation>每个阶段一个工作表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="73"/>
        <source>UTF-8 with BOM (Excel, WPS, Numbers)</source>
        <translation>UTF-8 带 BOM（Excel、WPS、Numbers）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="74"/>
        <source>GBK (older Chinese Excel)</source>
        <translation>GBK（旧版中文 Excel）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="85"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="87"/>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="89"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="90"/>
        <source>Column headers</source>
        <translation>列标题</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="109"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="109"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="109"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="110"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="110"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="111"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="111"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="112"/>
        <source>Part of</source>
        <translation>所属任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="115"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="116"/>
        <source>Subtasks and links</source>
        <translation>子任务与关联</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="117"/>
        <source>Conversation</source>
        <translation>讨论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="118"/>
        <source>Write a comment… (Ctrl+Enter sends)</source>
        <translation>写评论…（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="119"/>
        <source>New comment</source>
        <translation>新评论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="120"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="147"/>
        <source>This task no longer exists.</source>
        <translation>此任务已不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="156"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="159"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="164"/>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="171"/>
        <source>Subtask</source>
        <translation>子任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="171"/>
        <source>After</source>
        <translation>前置</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="172"/>
        <source>Before</source>
        <translation>后续</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="187"/>
        <source>No comments yet.</source>
        <translation>还没有评论。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="192"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="192"/>
        <source>✓ Tick off</source>
        <translation>✓ 勾选完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="208"/>
        <source>Reopen “{title}”</source>
        <translation>重新打开“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="208"/>
        <source>Tick off “{title}”</source>
        <translation>勾选完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="220"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
</context>
<context>
    <name>TaskPrompts</name>
    <message>
        <source>Changed by someone else</source>
        <translation type="vanished">已被他人修改</translation>
    </message>
    <message>
        <source>Someone changed this task after you opened it.</source>
        <translation type="vanished">在你打开之后，有人修改了这个任务。</translation>
    </message>
    <message>
        <source>Reload shows their version (your edit is dropped); Overwrite saves yours over theirs.</source>
        <translation type="vanished">“重新加载”显示对方的版本（放弃你的修改）；“覆盖”用你的修改替换对方的。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="vanished">重新加载</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="vanished">覆盖</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="46"/>
        <source>Move %n task(s) by how many working days? (negative: earlier)</source>
        <translation>
            <numerusform>把 %n 个任务移动多少个工作日？（负数为提前）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="50"/>
        <source>Reschedule</source>
        <translation>调整日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="48"/>
        <source>Move %n task(s) by how many days? (negative: earlier)</source>
        <translation>
            <numerusform>把 %n 个任务移动多少天？（负数为提前）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="388"/>
        <source>Sorting by due date puts overdue work first</source>
        <translation>按截止日期排序时，逾期任务排在最前</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="392"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="392"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="392"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="392"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="393"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="393"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="393"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="393"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="394"/>
        <location filename="../../opsdesk/ui/tasks/model.py" line="583"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="394"/>
        <source>Done by / at</source>
        <translation>完成人 / 时间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="553"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/model.py" line="581"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="593"/>
        <source>No phase</source>
        <translation>无阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/model.py" line="594"/>
        <source>{phase}  ({count})</source>
        <translation>{phase}（{count}）</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="164"/>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="384"/>
        <source>Edit “{title}”</source>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="189"/>
        <source>Saved; note that it falls outside the plan ({low} – {high}).</source>
        <translation>已保存；请注意它超出了计划范围（{low} – {high}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="197"/>
        <source>Tick off “{title}”</source>
        <translation>完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="197"/>
        <source>Reopen “{title}”</source>
        <translation>重新打开“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="209"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="212"/>
        <source>Assign %n task(s) to {name}</source>
        <translation>
            <numerusform>将 %n 个任务分配给{name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="225"/>
        <source>Set %n task(s) to {status}</source>
        <translation>
            <numerusform>将 %n 个任务设为“{status}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="242"/>
        <source>Move %n task(s) by {days} working days</source>
        <translation>
            <numerusform>将 %n 个任务移动 {days} 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="243"/>
        <source>Move %n task(s) by {days} days</source>
        <translation>
            <numerusform>将 %n 个任务移动 {days} 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="263"/>
        <source>{title} (copy)</source>
        <translation>{title}（副本）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="267"/>
        <source>Duplicate %n task(s)</source>
        <translation>
            <numerusform>复制 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="281"/>
        <source>Delete “{title}”?</source>
        <translation>删除“{title}”？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="284"/>
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>删除 %n 个任务？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="287"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n 个子任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="289"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="291"/>
        <source>%n link(s) to other tasks</source>
        <translation>
            <numerusform>%n 个与其他任务的关联</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="292"/>
        <source>This also removes: {items}.</source>
        <translation>同时删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="294"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="295"/>
        <source>Delete tasks</source>
        <translation>删除任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="300"/>
        <source>Delete %n task(s)</source>
        <translation>
            <numerusform>删除 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="384"/>
        <source>New task “{title}”</source>
        <translation>新建任务“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="413"/>
        <source>Edit routine “{title}”</source>
        <translation>编辑例行工作“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/editing.py" line="426"/>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="434"/>
        <source>some of the %n selected tasks</source>
        <translation>
            <numerusform>所选 %n 个任务中的部分任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="270"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="272"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="272"/>
        <source>Add a task to the plan (Ctrl+N)</source>
        <translation>向计划添加任务（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="273"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="273"/>
        <source>Everything about the task: notes, subtasks, links (Ctrl+E)</source>
        <translation>任务的全部内容：备注、子任务、关联（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="275"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="275"/>
        <source>Copy the selected tasks (Ctrl+D)</source>
        <translation>复制所选任务（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="276"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="276"/>
        <source>Delete the selected tasks (Del)</source>
        <translation>删除所选任务（Del）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="277"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="277"/>
        <source>Assign the selected tasks to a person</source>
        <translation>把所选任务分配给某人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="278"/>
        <source>Reschedule…</source>
        <translation>调整日期…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="279"/>
        <source>Move the selected tasks by a number of days</source>
        <translation>把所选任务前移或后移若干天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="280"/>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="280"/>
        <source>Set the status of the selected tasks</source>
        <translation>设置所选任务的状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="281"/>
        <source>Group by phase</source>
        <translation>按阶段分组</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="282"/>
        <source>Group by phase with subtasks under their parent, or a flat list</source>
        <translation>按阶段分组（子任务在其上级任务下），或平铺列表</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="283"/>
        <source>Open details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="283"/>
        <source>Details and conversation (Enter)</source>
        <translation>详情与讨论（回车）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="284"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="284"/>
        <source>Filter tasks (Ctrl+F)</source>
        <translation>筛选任务（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="291"/>
        <source>Tasks of the plan</source>
        <translation>计划中的任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="292"/>
        <source>Double-click or press Enter to open a task&apos;s details.</source>
        <translation>双击或按回车查看任务详情。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="293"/>
        <source>The rest of the plan&apos;s tasks are loading</source>
        <translation>计划的其余任务正在加载</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="307"/>
        <source>Nobody (unassigned)</source>
        <translation>无人（未分配）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="328"/>
        <source>Loading… {shown} shown</source>
        <translation>加载中… 已显示 {shown} 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/view.py" line="330"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="332"/>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / 共 {total}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="643"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="643"/>
        <source>Tick off</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/view.py" line="645"/>
        <source>Comment…</source>
        <translation>评论…</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="151"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="153"/>
        <source>Role / person</source>
        <translation>岗位 / 人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="153"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="153"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="154"/>
        <source>Done this week</source>
        <translation>本周完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="152"/>
        <source>Open work per week</source>
        <translation>每周未完成工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="155"/>
        <source>Team workload</source>
        <translation>团队工作量</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="156"/>
        <source>Open tasks of the selected person</source>
        <translation>所选人员的未完成任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="157"/>
        <source>Drag tasks onto a person, or right-click them, to reassign.</source>
        <translation>把任务拖到某人身上，或右键单击任务，即可改派。</translation>
    </message>
    <message>
        <source>Each cell is a week; darker means more open tasks due. The outlined cell is this week.</source>
        <translation type="vanished">每格一周;颜色越深,到期的未完成任务越多。带框的是本周。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="159"/>
        <source>no open work due</source>
        <translation>无到期工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="159"/>
        <source>a few tasks due</source>
        <translation>少量任务到期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="160"/>
        <source>the most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="160"/>
        <source>this week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="161"/>
        <source>Each cell of the grid is a week (its Monday above it); the colour says how many open tasks are due in it.</source>
        <translation>每个格子代表一周（上方标注该周周一）；颜色深浅表示该周到期的未完成任务数量。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="212"/>
        <source>Week of {monday} · {weeks} weeks from {first}</source>
        <translation>{monday}这一周 · 自{first}起共 {weeks} 周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="238"/>
        <source>{name} (no longer active)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="242"/>
        <source>{login} no longer works here but still holds tasks: give them to someone else (drag them, or right-click).</source>
        <translation>{login} 已停用但仍有任务：请转交给其他人（拖动或右键）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="249"/>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="274"/>
        <source>Busiest week: {day} ({count} open tasks due)</source>
        <translation>最忙的一周：{day}（到期未完成 {count} 项）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="316"/>
        <source>Open tasks of {name}</source>
        <translation>{name}的未完成任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="341"/>
        <source>Show details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="344"/>
        <source>Reassign to</source>
        <translation>改派给</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="350"/>
        <source>Leave to the role (unassign)</source>
        <translation>交给岗位（取消指派）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/team/view.py" line="365"/>
        <source>the role</source>
        <translation>岗位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/team/view.py" line="366"/>
        <source>Reassign %n task(s) to {name}</source>
        <translation>
            <numerusform>把 %n 项任务改派给{name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="311"/>
        <source>Launch day: {date}</source>
        <translation>上线日：{date}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="322"/>
        <source>No dates yet</source>
        <translation>尚未设置日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="326"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="329"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="330"/>
        <source>Role: {role}</source>
        <translation>岗位：{role}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="331"/>
        <source>Assignee: {name}</source>
        <translation>负责人：{name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="338"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="339"/>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="341"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/edits.py" line="64"/>
        <source>Move following tasks?</source>
        <translation>同时移动后续任务？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="63"/>
        <source>“{title}” has %n task(s) that follow it. Move them by the same number of days?</source>
        <translation>
            <numerusform>“{title}”之后有 %n 个后续任务。是否将它们移动相同的天数？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move “{title}” by %n day(s)</source>
        <translation type="vanished">
            <numerusform>将“{title}”移动 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="109"/>
        <source>Move “{title}” %n working day(s) later</source>
        <translation>
            <numerusform>将“{title}”推后 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="110"/>
        <source>Move “{title}” %n working day(s) earlier</source>
        <translation>
            <numerusform>将“{title}”提前 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="116"/>
        <source>Move “{title}” %n day(s) later</source>
        <translation>
            <numerusform>将“{title}”推后 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="117"/>
        <source>Move “{title}” %n day(s) earlier</source>
        <translation>
            <numerusform>将“{title}”提前 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/edits.py" line="139"/>
        <source>Change the dates of “{title}”</source>
        <translation>修改“{title}”的日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/edits.py" line="145"/>
        <source>Link tasks</source>
        <translation>关联任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="155"/>
        <source>Move launch day %n day(s) later</source>
        <translation>
            <numerusform>上线日推后 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="156"/>
        <source>Move launch day %n day(s) earlier</source>
        <translation>
            <numerusform>上线日提前 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move launch day by %n day(s)</source>
        <translation type="vanished">
            <numerusform>上线日移动 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/edits.py" line="169"/>
        <source>Tick off “{title}”</source>
        <translation>完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/edits.py" line="170"/>
        <source>Reopen “{title}”</source>
        <translation>重新打开“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/export.py" line="97"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/export.py" line="153"/>
        <source>{file} cannot be written: check the folder and its permissions.</source>
        <translation>{file} 无法写入：请检查文件夹及其权限。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/export.py" line="203"/>
        <source>{file} cannot be written: {error}</source>
        <translation>{file} 无法写入：{error}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="171"/>
        <source>Unscheduled (no dates)</source>
        <translation>未排期（无日期）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="175"/>
        <source>No role</source>
        <translation>无岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="177"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="179"/>
        <source>No phase</source>
        <translation>无阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="235"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="236"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/header.py" line="237"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/calendar_days.py" line="53"/>
        <source>{name}: public holiday</source>
        <translation>{name}：法定节假日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/calendar_days.py" line="56"/>
        <source>Make-up working day (调休) for {name}</source>
        <translation>{name}调休上班日</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="198"/>
        <source>Loading the plan…</source>
        <translation>正在加载计划…</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="191"/>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="192"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="192"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="192"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="199"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="199"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="199"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="200"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="205"/>
        <source>Fit the plan</source>
        <translation>显示整个计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="206"/>
        <source>Go to today</source>
        <translation>转到今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="207"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="209"/>
        <source>Whole timeline as PNG…</source>
        <translation>整个时间线导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="210"/>
        <source>Visible part as PNG…</source>
        <translation>可见部分导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="211"/>
        <source>Whole timeline as PDF…</source>
        <translation>整个时间线导出为 PDF…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="212"/>
        <source>Visible part as PDF…</source>
        <translation>可见部分导出为 PDF…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="214"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="216"/>
        <source>Read-only: right-click a task you own to tick it off.</source>
        <translation>只读：右键点击自己的任务可将其标记完成。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="248"/>
        <source>Only a manager can move tasks or change their dates.</source>
        <translation>只有经理可以移动任务或修改其日期。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="256"/>
        <source>Show details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="259"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="261"/>
        <source>Tick off</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="263"/>
        <source>Move launch day…</source>
        <translation>移动上线日…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="284"/>
        <source>Move launch day</source>
        <translation>移动上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="288"/>
        <source>Unfinished work counted from launch day moves with it; finished tasks, festivals on fixed or lunar dates and the monthly targets stay where they are. You see what moves before anything changes.</source>
        <translation>以上线日为基准的未完成工作随之移动；已完成任务、固定公历或农历日期的节日以及月度目标保持不动。修改之前会先列出哪些会移动。</translation>
    </message>
    <message>
        <source>Every date of the plan moves with launch day.</source>
        <translation type="vanished">计划中的所有日期都会随上线日一起移动。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="293"/>
        <source>Launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="309"/>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="318"/>
        <location filename="../../opsdesk/ui/timeline/view.py" line="343"/>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="323"/>
        <source>Writing the timeline to {file}…</source>
        <translation>正在将时间线写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/timeline/view.py" line="324"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/view.py" line="338"/>
        <source>Timeline (%n page(s)) written to {file}</source>
        <translation>
            <numerusform>时间线（%n 页）已写入 {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="44"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="45"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="46"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="47"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="48"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="49"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="50"/>
        <source>Activity</source>
        <translation>动态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="51"/>
        <source>People and roles</source>
        <translation>人员与岗位</translation>
    </message>
</context>
<context>
    <name>WeekDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="197"/>
        <source>A day of the week</source>
        <translation>该周中的一天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="198"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="210"/>
        <source>{year}-W{week:02d}: {days}</source>
        <translation>{year} 年第 {week:02d} 周：{days}</translation>
    </message>
</context>
<context>
    <name>WeeklyReport</name>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="39"/>
        <source>Plan status</source>
        <translation>计划进度</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="40"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="41"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="42"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="43"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="44"/>
        <source>Time passed</source>
        <translation>时间已过</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="45"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="46"/>
        <source>Tasks: {done} done, {open} open, {blocked} blocked, {overdue} overdue; milestones reached: {ms_done} of {ms_total}.</source>
        <translation>任务：已完成 {done} 项，未完成 {open} 项，受阻 {blocked} 项，逾期 {overdue} 项；已达成里程碑 {ms_done}/{ms_total}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="47"/>
        <source>Done this week</source>
        <translation>本周完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="48"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="49"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="50"/>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="51"/>
        <source>Done on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="52"/>
        <source>Nothing was ticked off this week.</source>
        <translation>本周没有勾选完成的任务。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="53"/>
        <source>Overdue by role and person</source>
        <translation>按岗位和人员的逾期工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="54"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="55"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="56"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="57"/>
        <source>Nothing is overdue.</source>
        <translation>没有逾期工作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="58"/>
        <source>Next milestones</source>
        <translation>近期里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="59"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="60"/>
        <source>Sales so far: {actual} CNY of the {target} CNY target ({pct}%).</source>
        <translation>累计销售额：{actual} 元，目标 {target} 元（{pct}%）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="61"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="62"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="63"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="64"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="65"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="67"/>
        <source>on track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="68"/>
        <source>at risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="69"/>
        <source>off track</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="70"/>
        <source>no values yet</source>
        <translation>暂无数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="71"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="72"/>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="73"/>
        <source>not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="74"/>
        <source>below</source>
        <translation>低于区间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="75"/>
        <source>inside</source>
        <translation>区间内</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="76"/>
        <source>above</source>
        <translation>高于区间</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="77"/>
        <location filename="../../opsdesk/ui/report/weekly.py" line="224"/>
        <source>Monthly sales against target</source>
        <translation>月度销售额与目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="78"/>
        <source>Weekly report {year}-W{week:02d} ({start} – {end})</source>
        <translation>周报 {year} 年第 {week:02d} 周（{start} – {end}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/report/weekly.py" line="140"/>
        <source>%n missed routine day(s) marked skipped (not counted as done or overdue).</source>
        <translation>
            <numerusform>%n 天漏掉的例行工作已标为跳过（不计入已完成或逾期）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/report/weekly.py" line="170"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="225"/>
        <source>Sales so far against the cumulative target</source>
        <translation>累计销售额与累计目标</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/report/weekly.py" line="226"/>
        <source>Daily orders with the 7-day average</source>
        <translation>日单量与 7 日均值</translation>
    </message>
</context>
</TS>
