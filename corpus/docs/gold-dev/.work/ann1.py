# per gold event: (trigger, anchor, mode, source_words, target_words, date_words, place_words)
# mode: A asserted, N negated, I intended, T threat, B background
ANN = {}
EXTRA = {}
ANN['r01-001'] = [("condolence", None, "A", "Kazakh President Nursultan Nazarbayev", "Saudi Arabia's King Salman bin Abdul-Aziz Al Saud", None, None)]
ANN['r01-003'] = [("commiserated", None, "A", "President Bola Tinubu", "Indian Prime Minister Narendra Modi", "on Saturday", None)]
ANN['r01-004'] = [("dismissed as untrue", None, "A", "The Prime Minister's Office", "Mumbai Mirror", "on Saturday", "NEW DELHI")]
ANN['r02-001'] = [
 ("urged", None, "A", "Pakistan", None, "on Saturday", "ISLAMABAD"),
 ("Relief flights", None, "A", "Turkey", None, None, None),
 ("Relief flights", None, "A", "the United Arab Emirates", None, None, None),
 ("Relief flights", None, "A", "China", None, None, None),
 ("arrived", None, "A", "French", None, "on Saturday", "in Islamabad"),
]
EXTRA['r02-001'] = [dict(trigger="help", code="070", mode="generic", source="the international community", source_code=None, target="Pakistan", target_code="PAK", note="the help asked for in the appeal, not an event")]
ANN['r03-001'] = [
 ("summit", None, "I", "Chinese President Xi Jinping", "U.S. President Barack Obama", "on Tuesday", None),
 ("summit", None, "I", "U.S. President Barack Obama", "Chinese President Xi Jinping", "on Tuesday", None),
 ("visit", None, "I", "White House national security adviser Thomas Donilon", "China", "on Tuesday", None),
]
ANN['r03-004'] = [
 ("send", None, "I", "The United States", "Ukraine", "on Monday", None),
 ("pledging", None, "I", "Secretary of State Antony Blinken", "Kyiv", "on Monday", None),
 ("condemning", None, "A", "Secretary of State Antony Blinken", "Russia", "on Monday", None),
]
ANN['r03-006'] = [
 ("offered", None, "I", "Indian Home Minister P. Chidambaram", "Maoist rebels", "on Tuesday", None),
 ("dismissed", None, "A", "Maoist leader Ramanna", None, None, None),
 ("blew up", None, "A", "the insurgents", "special police officers", "a day after", "Chhattisgarh's Dantewada district"),
]
EXTRA['r03-006'] = [dict(trigger="talks", code="046", mode="generic", source="Indian Home Minister P. Chidambaram", source_code="INDGOV", target="Maoist rebels", target_code="INDREB", note="the talks only offered; the offer is the 036")]
ANN['r04-001'] = [
 ("trip", None, "A", "Pakistan's Foreign Minister Shah Mahmood Qureshi", "China", "on Friday", "China"),
 ("trip", None, "A", "China", "Pakistan's Foreign Minister Shah Mahmood Qureshi", "on Friday", "China"),
 ("talks", None, "A", "Pakistan's Foreign Minister Shah Mahmood Qureshi", "Chinese counterpart Wang Yi", "on Friday", "China"),
 ("talks", None, "A", "Chinese counterpart Wang Yi", "Pakistan's Foreign Minister Shah Mahmood Qureshi", "on Friday", "China"),
]
ANN['r04-004'] = [
 ("talks", None, "A", "External Affairs Minister S. Jaishankar", "Russian Foreign Minister Sergei Lavrov", "on Wednesday", "in Moscow"),
 ("talks", None, "A", "Russian Foreign Minister Sergei Lavrov", "External Affairs Minister S. Jaishankar", "on Wednesday", "in Moscow"),
 ("talks", None, "A", "External Affairs Minister S. Jaishankar", "Russian Foreign Minister Sergei Lavrov", "on Wednesday", "in Moscow"),
 ("talks", None, "A", "Russian Foreign Minister Sergei Lavrov", "External Affairs Minister S. Jaishankar", "on Wednesday", "in Moscow"),
 ("agreed to work closely", None, "I", "The two", None, "on Wednesday", None),
 ("agreed to work closely", None, "I", "The two", None, "on Wednesday", None),
]
ANN['r04-007'] = [
 ("discussed", None, "A", "Turkish Foreign Minister Hakan Fidan", "Russia's Sergei Lavrov", None, None),
 ("discussed", None, "A", "Russia's Sergei Lavrov", "Turkish Foreign Minister Hakan Fidan", None, None),
 ("stressing", None, "A", "Turkish Foreign Minister Hakan Fidan", "Azerbaijan", None, None),
 ("stressing", None, "A", "Turkish Foreign Minister Hakan Fidan", "Armenia", None, None),
 ("visited", None, "B", "Fidan", "Azerbaijani Foreign Minister Jeyhun Bayramov", "on December 14", "Baku"),
 ("visited", None, "B", "Azerbaijani Foreign Minister Jeyhun Bayramov", "Fidan", "on December 14", "Baku"),
]
EXTRA['r04-007'] = [dict(trigger="signed", code="057", mode="generic", source="Azerbaijan", source_code="AZEGOV", target="Armenia", target_code="ARMGOV", note="the signing only urged; the appeal is the 027")]
ANN['r04-008'] = [
 ("talks", None, "A", "Azerbaijan", "Armenia", "after two days", "at the Villa Borsig guest house"),
 ("talks", None, "A", "Armenia", "Azerbaijan", "after two days", "at the Villa Borsig guest house"),
 ("agreed", None, "I", "Azerbaijan", "Armenia", "on Thursday", "BERLIN"),
 ("agreed", None, "I", "Armenia", "Azerbaijan", "on Thursday", "BERLIN"),
 ("hosted", None, "A", "German Foreign Minister Annalena Baerbock", "Azerbaijan", "after two days", "at the Villa Borsig guest house"),
 ("hosted", None, "A", "German Foreign Minister Annalena Baerbock", "Armenia", "after two days", "at the Villa Borsig guest house"),
 ("thanked", None, "A", "Both ministries", "Germany", None, None),
 ("thanked", None, "A", "Both ministries", "Germany", None, None),
]
ANN['r04-009'] = [
 ("third leg", None, "A", "Pakistani Foreign Minister Shah Mehmood Qureshi", "Chinese Foreign Minister Wang Yi", "on Tuesday", "in Beijing"),
 ("third leg", None, "A", "Chinese Foreign Minister Wang Yi", "Pakistani Foreign Minister Shah Mehmood Qureshi", "on Tuesday", "in Beijing"),
 ("discussing", None, "A", "Pakistani Foreign Minister Shah Mehmood Qureshi", "Chinese Foreign Minister Wang Yi", "on Tuesday", "in Beijing"),
 ("discussing", None, "A", "Chinese Foreign Minister Wang Yi", "Pakistani Foreign Minister Shah Mehmood Qureshi", "on Tuesday", "in Beijing"),
 ("earlier stops", None, "B", "Qureshi", "Kabul", None, "Kabul"),
 ("earlier stops", None, "B", "Qureshi", "Tehran", None, "Tehran"),
 ("earlier stops", None, "B", "Kabul", "Qureshi", None, "Kabul"),
 ("earlier stops", None, "B", "Tehran", "Qureshi", None, "Tehran"),
 ("due", None, "I", "he", "Moscow", None, None),
]
ANN['r05-002'] = [
 ("signed", None, "A", "Maldivian Foreign Minister Abdulla Shahid", "Chinese State Councillor and Foreign Minister Wang Yi", None, "at China's foreign ministry"),
 ("signed", None, "A", "Chinese State Councillor and Foreign Minister Wang Yi", "Maldivian Foreign Minister Abdulla Shahid", None, "at China's foreign ministry"),
 ("signed", None, "A", "Maldivian Foreign Minister Abdulla Shahid", "China", None, "at China's foreign ministry"),
 ("talks", None, "A", "Maldivian Foreign Minister Abdulla Shahid", "Chinese State Councillor and Foreign Minister Wang Yi", None, "at China's foreign ministry"),
 ("talks", None, "A", "Chinese State Councillor and Foreign Minister Wang Yi", "Maldivian Foreign Minister Abdulla Shahid", None, "at China's foreign ministry"),
]
ANN['r05-003'] = [
 ("established", None, "A", "China", "El Salvador", "on Tuesday", "in Beijing"),
 ("established", None, "A", "El Salvador", "China", "on Tuesday", "in Beijing"),
 ("signed", None, "A", "Wang Yi", "Carlos Castaneda", "on Tuesday", "in Beijing"),
 ("signed", None, "A", "Carlos Castaneda", "Wang Yi", "on Tuesday", "in Beijing"),
 ("cut", None, "A", "San Salvador", "Taiwan", "on Tuesday", None),
]
ANN['r05-004'] = [
 ("established", None, "A", "The Federated States of Micronesia", "Uruguay", "on Thursday", "at Uruguay's mission to the United Nations"),
 ("established", None, "A", "Uruguay", "The Federated States of Micronesia", "on Thursday", "at Uruguay's mission to the United Nations"),
 ("signing", None, "A", "Jane Chigiyal", "Jose Luis Cancela", "on Thursday", "at Uruguay's mission to the United Nations"),
 ("signing", None, "A", "Jose Luis Cancela", "Jane Chigiyal", "on Thursday", "at Uruguay's mission to the United Nations"),
]
ANN['r05-005'] = [
 ("restore", None, "A", "The United States", "Cuba", "on Wednesday", None),
 ("restore", None, "A", "Cuba", "The United States", "on Wednesday", None),
 ("reopen", None, "I", "The United States", "Cuba", "on Wednesday", None),
]
ANN['r06-004'] = [
 ("trained", None, "A", "The U.S. destroyer USS Halsey", "the Japanese destroyer JS Sazanami", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("trained", None, "A", "the Japanese destroyer JS Sazanami", "The U.S. destroyer USS Halsey", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("trained", None, "A", "The U.S. destroyer USS Halsey", "the Australian frigate HMAS Warramunga", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("trained", None, "A", "the Australian frigate HMAS Warramunga", "The U.S. destroyer USS Halsey", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("trained", None, "A", "the Japanese destroyer JS Sazanami", "the Australian frigate HMAS Warramunga", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("trained", None, "A", "the Australian frigate HMAS Warramunga", "the Japanese destroyer JS Sazanami", "on Saturday and Sunday", "in the Bay of Bengal"),
 ("join", None, "A", "The Halsey", "Indian Navy", None, "to Visakhapatnam"),
 ("join", None, "A", "Indian Navy", "The Halsey", None, "to Visakhapatnam"),
]
ANN['r07-001'] = [
 ("delivered", None, "A", "the International Committee of the Red Cross", None, "on Friday", "Douma in Eastern Ghouta"),
 ("convoy", "A U.N. convoy had been forced", "B", "U.N.", None, "on March 5", "Douma in Eastern Ghouta"),
]
ANN['r07-004'] = [
 ("carried", "22 carried", "A", "World Food Programme", None, "on Thursday", "the Bashair area of Jabal Awliya"),
 ("carried", "five carried", "A", "UNICEF", None, "on Thursday", "the Bashair area of Jabal Awliya"),
 ("carried", "one carried", "A", "Doctors Without Borders", None, "on Thursday", "the Bashair area of Jabal Awliya"),
]
ANN['r07-005'] = [
 ("package", None, "I", "The Pentagon", "Ukraine", "on Monday", None),
 ("received", None, "A", "U.S.", "Kyiv", None, None),
]
ANN['r07-007'] = [("granted", None, "A", None, "Former U.S. intelligence contractor Edward Snowden", "on Thursday", "MOSCOW")]
ANN['r08-001'] = [
 ("pulling", None, "A", "Russia's Defence Ministry", None, "on Friday", "the city of Kherson"),
 ("called", None, "A", "Turkish President Tayyip Erdogan", None, None, None),
]
EXTRA['r08-001'] = [
 dict(trigger="mediate", code="045", mode="generic", source="Turkish President Tayyip Erdogan", source_code="TURGOV", target="Moscow", target_code="RUSGOV", note="ongoing mediation attempts, no bounded act"),
 dict(trigger="mediate", code="045", mode="generic", source="Turkish President Tayyip Erdogan", source_code="TURGOV", target="Kyiv", target_code="UKRGOV", note="ongoing mediation attempts, no bounded act"),
]
ANN['r08-002'] = [
 ("resigned", None, "A", "Nepal's Prime Minister K.P. Sharma Oli", None, "on Tuesday", "KATHMANDU"),
 ("killed", None, "A", "security forces", "19 people", "a day after", "KATHMANDU"),
 ("broke into", None, "A", "young protesters", "the parliament complex", None, "KATHMANDU"),
 ("lifted", None, "B", "The government", None, "on Monday", None),
 ("protests", None, "A", None, None, None, None),
 ("defied", None, "A", "young protesters", None, None, "KATHMANDU"),
 ("curfew", None, "A", None, None, None, "KATHMANDU"),
]
ANN['r08-003'] = [
 ("ended", None, "A", "Kazakhstan", None, "on Wednesday", "nationwide"),
 ("lifted", None, "A", "Kazakhstan", None, "on Wednesday", None),
 ("declared", None, "B", "President Kassym-Jomart Tokayev", None, "on January 5", None),
 ("turned violent", None, "B", None, None, None, "in Almaty and other cities"),
]
ANN['r08-004'] = [
 ("relaxed", None, "A", "Sri Lankan authorities", None, "on Saturday", "nationwide"),
 ("placed", None, "B", None, "The island", "on Monday", None),
 ("turned violent", None, "B", None, None, "on Monday", None),
 ("protests", None, "B", None, None, None, None),
]
ANN['r09-002'] = [
 ("ordered", None, "A", "Kerala Chief Minister Pinarayi Vijayan", "police", "on Sunday", "Kerala"),
 ("shootout", None, "A", "police", "two Maoists", "Thursday's", "the Karulai forest of Malappuram district"),
 ("insisted", None, "A", "Opposition leader Ramesh Chennithala", None, None, None),
]
ANN['r09-003'] = [
 ("ordered", None, "A", "Jammu and Kashmir Lieutenant Governor Manoj Sinha", None, None, "SRINAGAR"),
 ("gunfight", None, "A", "police", "four people", "Monday's", "Srinagar's Hyderpora area"),
 ("protested", None, "A", "families of two civilians among the dead", None, None, "SRINAGAR"),
]
ANN['r09-004'] = [
 ("investigation", None, "A", "International Criminal Court prosecutor Karim Khan", None, "on Monday", "in Ukraine"),
 ("called for", None, "A", "International Criminal Court prosecutor Karim Khan", None, "on Monday", None),
]
ANN['r10-004'] = [
 ("demanded", None, "A", "Russia's Foreign Ministry", None, "on Friday", "MOSCOW"),
 ("detained", None, "A", None, "Russian embassy staff", "on Thursday", "in Kiev"),
]
ANN['r10-006'] = [
 ("insisted", None, "A", "Russia's Foreign Ministry", "Belarus", None, None),
 ("arrested", None, "A", None, "33 Russian citizens", "on July 29", "near Minsk"),
 ("accused", None, "A", "Minsk", "the men", None, None),
 ("calling", None, "A", "Russia's Foreign Ministry", "Belarus", None, None),
 ("raised the issue", None, "A", "Deputy Foreign Minister Andrei Rudenko", "Belarusian Ambassador Vladimir Semashko", None, "MOSCOW"),
 ("raised the issue", None, "A", "Belarusian Ambassador Vladimir Semashko", "Deputy Foreign Minister Andrei Rudenko", None, "MOSCOW"),
]
EXTRA['r10-006'] = [dict(trigger="mass riots", code="145", mode="alleged", source="the men", source_code="RUSCVL", target=None, target_code="BLRGOV", note="the riots only alleged in Minsk's accusation")]
ANN['r11-005'] = [
 ("shootout", None, "A", None, "a border guard", "on Monday evening", "on the disputed Tajik-Kyrgyz frontier"),
 ("shootout", None, "A", "Tajik servicemen", None, "on Monday evening", "on the disputed Tajik-Kyrgyz frontier"),
 ("blamed", None, "A", "Kyrgyzstan's border service", "Tajik servicemen", None, None),
 ("note of protest", None, "A", "the Kyrgyz foreign ministry", "Dushanbe", None, None),
 ("due", None, "I", "Tajik Deputy Prime Minister Murodali Alimardon", "Bishkek", None, "in Bishkek"),
]
EXTRA['r11-005'] = [dict(trigger="opened fire first", code="190", mode="alleged", source="they", source_code="TJKMIL", target=None, target_code="KGZMIL", note="who fired first is only the Kyrgyz side's claim; the clash itself is coded both ways")]
ANN['r12-002'] = [
 ("turned down", None, "A", "Thailand's \"Red Shirt\" protest leaders", "Prime Minister Abhisit Vejjajiva", "on Tuesday", "BANGKOK"),
 ("televised talks", None, "B", "Abhisit", None, "on Sunday and Monday", "BANGKOK"),
 ("televised talks", None, "B", None, "Abhisit", "on Sunday and Monday", "BANGKOK"),
 ("offered", None, "I", "Abhisit", None, "on Sunday and Monday", None),
 ("insincere", None, "A", "protest leader Jatuporn Prompan", "The government", None, None),
]
ANN['r13-003'] = [
 ("threatened", None, "T", "North Korea's Supreme Command", "South Korea", "on Tuesday", None),
 ("threatened", None, "T", "North Korea's Supreme Command", "the United States", "on Tuesday", None),
 ("retaliation", None, "T", "South Korea's Joint Chiefs of Staff", "the Pyongyang regime", "on Wednesday", None),
 ("exercises", None, "A", "allies", None, None, None),
 ("exercises", None, "A", "allies", None, None, None),
]
ANN['r13-006'] = [
 ("ultimatum", None, "T", "opposition", "President Alexander Lukashenko", None, None),
 ("demanding", None, "A", "protesters", "President Alexander Lukashenko", "on Sunday", "MINSK"),
 ("fired", None, "A", "Belarusian riot police", "protesters", "on Sunday", "MINSK"),
 ("detained", None, "A", None, "Two journalists", None, "MINSK"),
]
ANN['r14-001'] = [("marched", None, "A", "Hundreds of people", "Prime Minister K.P. Sharma Oli", "on Tuesday", "in the Nepali capital")]
ANN['r14-005'] = [
 ("rally", None, "A", "Around 300 people", None, "on Saturday", "in central Moscow"),
 ("detained", None, "A", None, "Around 300 people", "on Saturday", "in central Moscow"),
 ("held", None, "A", None, "About 200 more", None, "in St. Petersburg"),
]
ANN['r15-002'] = [("launched", None, "A", "The Chinese People's Liberation Army's Eastern Theater Command", "Taiwan", "on Saturday", "the Taiwan Strait")]
ANN['r15-004'] = [
 ("increased", None, "A", "India", "China", None, "in Sikkim and Arunachal Pradesh"),
 ("raised", None, "A", "India", "China", None, "in Sikkim and Arunachal Pradesh"),
 ("citing", None, "A", "government officials", "China", None, None),
]
ANN['r15-005'] = [
 ("moved", None, "A", "Pakistan", "India", None, "its international border with India"),
 ("high alert", None, "A", "the Pakistani air force", None, None, None),
 ("asked", None, "A", "India", "Pakistan", None, None),
 ("waiting", None, "A", "Islamabad", "India", None, None),
]
EXTRA['r15-005'] = [dict(trigger="strike", code="190", mode="hedged", source="Indian", source_code="INDMIL", target=None, target_code="PAK", note="only feared, not an act")]
ANN['r16-001'] = [
 ("expelled", "on Tuesday expelled", "A", "The State Department", "Zuheir Jabbour", "on Tuesday", "WASHINGTON"),
 ("expelled", "governments expelled", "A", "Britain", "Syrian envoys", None, None),
 ("expelled", "governments expelled", "A", "France", "Syrian envoys", None, None),
 ("expelled", "governments expelled", "A", "Germany", "Syrian envoys", None, None),
 ("massacre", None, "B", None, "at least 108 people", "last week's", "in the town of Houla"),
]
ANN['r16-002'] = [
 ("cut", None, "A", "Saudi Arabia", "Qatar", "on Monday", None),
 ("cut", None, "A", "the United Arab Emirates", "Qatar", "on Monday", None),
 ("cut", None, "A", "Bahrain", "Qatar", "on Monday", None),
 ("cut", None, "A", "Egypt", "Qatar", "on Monday", None),
 ("closed", None, "A", "Saudi Arabia", "Qatar", "on Monday", None),
 ("closed", None, "A", "the United Arab Emirates", "Qatar", "on Monday", None),
 ("closed", None, "A", "Bahrain", "Qatar", "on Monday", None),
 ("closed", None, "A", "Egypt", "Qatar", "on Monday", None),
 ("accusing", None, "A", "Saudi Arabia", "Doha", "on Monday", None),
 ("accusing", None, "A", "the United Arab Emirates", "Doha", "on Monday", None),
 ("accusing", None, "A", "Bahrain", "Doha", "on Monday", None),
 ("accusing", None, "A", "Egypt", "Doha", "on Monday", None),
 ("no legitimate justification", None, "A", "Qatar", None, None, None),
]
ANN['r16-003'] = [
 ("broken off", None, "A", "Bolivia", "Israel", "on Tuesday", "LA PAZ"),
 ("recalled", None, "A", "Colombia", "Israel", None, None),
 ("recalled", None, "A", "Chile", "Israel", None, None),
 ("massacre", None, "A", "Colombian President Gustavo Petro", None, None, None),
 ("cut ties", None, "B", "Bolivia", "Israel", "in 2009", None),
]
EXTRA['r16-003'] = [dict(trigger="military offensive", code="190", mode="generic", source="its", source_code="ISRMIL", target=None, target_code=None, note="ongoing offensive given as the reason, not a bounded act")]
ANN['r16-005'] = [
 ("recalled", None, "A", "Serbia", "the Czech Republic", "on Thursday", None),
 ("protest note", None, "A", "Serbian", None, None, None),
 ("recognise", None, "B", "Prague", "Kosovo", "a day earlier", None),
]
ANN['r16-009'] = [("sanctions", None, "A", "The U.S. Treasury", "22 individuals and two entities", "on Thursday", None)]
EXTRA['r16-009'] = [dict(trigger="invasion", code="190", mode="generic", source=None, source_code="RUSMIL", target=None, target_code="UKR", note="background reference to the war, not coded")]
ANN['r17-002'] = [
 ("arrested", None, "A", "Zimbabwean police", "opposition leader Jameson Timba", "on Sunday", "HARARE"),
 ("deplorable", None, "A", "A spokesman for the Citizens Coalition for Change", None, None, None),
]
EXTRA['r17-002'] = [dict(trigger="charged", code="115", mode="hedged", source=None, source_code="ZWEGOV", target="they", target_code="ZWEOPP", note="charges only expected ('likely to be charged')")]
ANN['r17-003'] = [
 ("detained", None, "A", "A Peruvian judge", "opposition leader Keiko Fujimori", "on Wednesday", "LIMA"),
 ("accuse", None, "A", "Prosecutors", "her", None, None),
 ("denies", None, "A", "Fujimori", "Prosecutors", None, None),
 ("political persecution", None, "A", "she", None, None, None),
]
ANN['r17-005'] = [
 ("detained", None, "A", "police", "Rodion Marinichev", "on Monday", "MINSK"),
 ("deported", None, "A", "Belarus", "Rodion Marinichev", None, "MINSK"),
 ("condemned", None, "A", "Reporters Without Borders", "the government", None, None),
]
EXTRA['r17-005'] = [dict(trigger="blaming", code="112", mode="generic", source="the government", source_code="BLRGOV", target="the media", target_code="BLRMED", note="a habit, no bounded accusation")]
ANN['r18-001'] = [("rammed", None, "A", None, "a police vehicle", "on Tuesday", "in the Jamrud area")]
ANN['r18-003'] = [
 ("kidnapping", None, "A", "Gunmen", "more than 80 students", "on Thursday", "in Nigeria's Kebbi state"),
 ("killing", None, "A", "Gunmen", "a police officer", "on Thursday", "in Nigeria's Kebbi state"),
]
ANN['r18-004'] = [("abducted", None, "A", "Gunmen", "287 students", "on Thursday morning", "in Kuriga, Kaduna state")]
ANN['r18-005'] = [
 ("abducted", None, "A", "Gunmen wearing military uniforms", "42 people", "late on Tuesday", "from the Government Science College in Niger state"),
 ("killing", None, "A", "Gunmen wearing military uniforms", "one student", "late on Tuesday", "from the Government Science College in Niger state"),
 ("sent", None, "A", "President Muhammadu Buhari", None, None, "to the state"),
]
ANN['r18-008'] = [
 ("shot dead", None, "A", "an off-duty Turkish police officer", "Russia's ambassador to Turkey, Andrei Karlov", "on December 19, 2016", "at a photo exhibition"),
 ("denunciations", None, "A", "an off-duty Turkish police officer", "Russia", "on December 19, 2016", "at a photo exhibition"),
 ("shootout", None, "A", "police", "The gunman", None, "ANKARA"),
]
ANN['r18-009'] = [
 ("shot dead", None, "A", "Gunmen in military-style uniforms", "Negros Oriental provincial governor Roel Degamo", "on Saturday", "at his home in Pamplona town"),
 ("wounding", None, "A", "Gunmen in military-style uniforms", "several residents", "on Saturday", "at his home in Pamplona town"),
]
ANN['r18-011'] = [
 ("claimed responsibility", None, "A", "Islamic State", None, "on Saturday", None),
 ("attacks", "gun and bomb attacks", "A", "Islamic State", "more than 120 people", "Friday night's", "in Paris"),
 ("threatening", None, "T", "Islamic State", "France", "on Saturday", None),
 ("for bombing Muslims", None, "A", "Islamic State", "France", "on Saturday", None),
 ("act of war", None, "A", "President Francois Hollande", "Daesh", None, None),
]
EXTRA['r18-011'] = [dict(trigger="bombing", code="195", mode="alleged", source="France", source_code="FRAMIL", target="Muslims", target_code=None, note="only the justification given in the claim; the 1123 accusation is coded")]
ANN['r19-003'] = [
 ("shelling", None, "A", "Azerbaijani forces", "its positions", "overnight", "near Jermuk, Goris and Sotk"),
 ("said", "Armenia's defence ministry said", "A", "Armenia's defence ministry", "Azerbaijani forces", None, None),
 ("accused", None, "A", "Baku's defence ministry", "Armenia", None, None),
 ("countermeasures", None, "A", "its army", None, None, "along the Armenian-Azerbaijani border"),
 ("spoke", None, "A", "Prime Minister Nikol Pashinyan", "Vladimir Putin", None, None),
 ("spoke", None, "A", "Vladimir Putin", "Prime Minister Nikol Pashinyan", None, None),
 ("spoke", None, "A", "Prime Minister Nikol Pashinyan", "Antony Blinken", None, None),
 ("spoke", None, "A", "Antony Blinken", "Prime Minister Nikol Pashinyan", None, None),
 ("asked", None, "A", "Prime Minister Nikol Pashinyan", "Russia", None, None),
 ("asked", None, "A", "Prime Minister Nikol Pashinyan", "the Collective Security Treaty Organization", None, None),
]
ANN['r19-008'] = [
 ("shelling", None, "A", "India", "Pakistan", "on Friday", "along the Line of Control"),
 ("shelling", None, "A", "Pakistan", "India", "on Friday", "along the Line of Control"),
 ("accused", None, "A", "Each side", "the other", None, None),
 ("accused", None, "A", "Each side", "the other", None, None),
 ("said", "Indian officials said", "A", "Indian officials", "Pakistan", None, None),
 ("said", "Pakistan's military said", "A", "Pakistan's military", "Indian", None, None),
]
ANN['r19-010'] = [
 ("seized", None, "A", "M23 rebels", None, "on Tuesday", "the military airport in Goma"),
 ("fighting", None, "A", "M23 rebels", "government troops", None, "in Goma"),
 ("fighting", None, "A", "government troops", "M23 rebels", None, "in Goma"),
 ("fired", None, "B", "The rebels", None, None, "on the city's outskirts"),
]
ANN['r20-001'] = [("attacked", None, "B", "Saddam Hussein's armed forces", "civilians", "On March 16, 1988", "the Kurdish town of Halabja")]
EXTRA['r20-001'] = [dict(trigger="war", code="190", mode="generic", source="Iraq", source_code="IRQMIL", target="Iran", target_code="IRNMIL", note="the war as a whole, not a bounded act")]
ANN['r20-003'] = [
 ("deadline", None, "A", "the government", "undocumented foreigners", "a day after", "at Torkham"),
 ("rounding up", None, "B", "Police", "undocumented migrants", None, None),
 ("calls", None, "A", "the United Nations", "The government", None, None),
 ("rebuffed", None, "A", "The government", "the United Nations", None, None),
 ("citing", None, "A", "The government", None, None, None),
]
ANN['r20-006'] = [("struck", None, "A", None, "between 281 and 1,729 people", "on August 21", "around Damascus")]
ANN['trk-001'] = [
 ("met", None, "A", "President Donald Trump", "Afghan President Ashraf Ghani", None, "RIYADH"),
 ("met", None, "A", "Afghan President Ashraf Ghani", "President Donald Trump", None, "RIYADH"),
 ("met", None, "A", "President Donald Trump", "Saudi King Salman bin Abdulaziz", None, "RIYADH"),
 ("met", None, "A", "Saudi King Salman bin Abdulaziz", "President Donald Trump", None, "RIYADH"),
 ("meeting", None, "N", "President Donald Trump", "Pakistani Prime Minister Nawaz Sharif", None, "RIYADH"),
 ("meeting", None, "N", "Pakistani Prime Minister Nawaz Sharif", "President Donald Trump", None, "RIYADH"),
 ("pushed", None, "A", "Riyadh", None, None, None),
]
ANN['trk-002'] = [
 ("formal meeting", None, "N", "President Donald Trump", "Russian President Vladimir Putin", "on Friday", "at the Asia-Pacific Economic Cooperation summit"),
 ("meeting", "a meeting was likely", "I", "A Kremlin spokesman", None, "on Thursday", None),
 ("wants", None, "A", "Trump", "Putin", None, None),
]
EXTRA['trk-002'] = [dict(trigger="bump into", code="040", mode="hedged", source="the two", source_code="USAGOV", target=None, target_code="RUSGOV", note="only a possible informal encounter ('might')")]
ANN['trk-004'] = [
 ("rejected", None, "A", "India", "The Times of India", "on Saturday", "NEW DELHI"),
 ("moved", None, "N", "it", None, None, "its western border"),
 ("movements", None, "A", "Pakistani troops", None, None, "along the frontier"),
]
ANN['trk-006'] = [
 ("sorry", None, "A", "Erdogan", "Vladimir Putin", None, None),
 ("condolences", None, "A", "Erdogan", "the family of the dead Russian pilot", None, None),
 ("agreed", None, "I", "Turkey", "Russia", None, None),
 ("agreed", None, "I", "Russia", "Turkey", None, None),
 ("downing", None, "B", None, "a Russian warplane", "last November", "on the Syrian border"),
 ("trade restrictions", None, "B", "Moscow", "Turkey", None, None),
]
