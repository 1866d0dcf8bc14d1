<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
  </context>
  <context>
    <name>QShortcut</name>
    <message>
      <source>Up</source>
      <translation>↑</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>↓</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>←</translation>
    </message>
    <message>
      <source>Right</source>
      <translation>→</translation>
    </message>
  </context>
</TS>