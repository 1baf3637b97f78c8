"""Original demo questions, answers, experts and comments for the demo MS community.

Everything here is fictional and written for demonstration only. The answers are
general information, not medical advice. Read by the demo loader; nothing here runs
in production.
"""

from typing import Any

EXPERTS: list[dict[str, Any]] = [
    {
        "email": "expert@example.com",
        "public_name": "Dr Amara Okafor",
        "postnominals": "MD, PhD",
        "position": "Consultant neurologist",
        "institution": "Northfield University Hospital",
        "specialties": ["treatments", "relapses", "family-and-pregnancy"],
        "bio": (
            "I lead the multiple sclerosis service at Northfield University Hospital, where I have looked after "
            "people with MS for about fifteen years. My clinical work focuses on choosing and switching "
            "disease-modifying treatments and on planning pregnancy around them. "
            "Outside clinic I teach junior doctors and help run our patient education evenings."
        ),
        "disclosure": (
            "Has received speaker fees from Corvane Therapeutics and advisory board fees from Meridale Pharma."
        ),
    },
    {
        "email": "dr.lindqvist@example.com",
        "public_name": "Dr Erik Lindqvist",
        "postnominals": "MD, PhD",
        "position": "Consultant neurologist and clinical research lead",
        "institution": "Halden Institute for Neuroimmunology",
        "specialties": ["diagnosis-and-tests", "research"],
        "bio": (
            "Dr Lindqvist is a neurologist with a special interest in MRI and in making an accurate diagnosis "
            "of MS early. He runs the diagnostic clinic at the Halden Institute and coordinates several "
            "clinical trials in relapsing and progressive MS. "
            "He enjoys explaining scan reports and research results in plain language."
        ),
        "disclosure": "Has received research grant support from Aldercrest Biosciences, paid to his institution.",
    },
    {
        "email": "nurse.haddad@example.com",
        "public_name": "Leila Haddad",
        "postnominals": "RN, MSc",
        "position": "MS clinical nurse specialist",
        "institution": "St Brennan's Neurology Centre",
        "specialties": ["symptoms", "daily-life", "treatments", "relapses"],
        "bio": (
            "I have worked as an MS specialist nurse for over a decade and run our nurse-led advice line. "
            "Most of my days are spent helping people start new treatments, manage symptoms such as bladder "
            "problems and spasticity, and fit MS around work and family. "
            "I believe small practical changes often make the biggest difference."
        ),
        "disclosure": "No conflicts to declare.",
    },
    {
        "email": "dr.mensah@example.com",
        "public_name": "Dr Kwame Mensah",
        "postnominals": "DClinPsy",
        "position": "Consultant clinical neuropsychologist",
        "institution": "Westmoor Rehabilitation Centre",
        "specialties": ["emotional-health", "symptoms", "daily-life"],
        "bio": (
            "Dr Mensah is a clinical neuropsychologist who supports people living with neurological "
            "conditions. His work covers memory and concentration difficulties, low mood and anxiety, and "
            "adjusting to a new diagnosis. "
            "He also advises employers and families on practical ways to make everyday life easier."
        ),
        "disclosure": "No conflicts to declare.",
    },
]

PATIENTS: list[dict[str, Any]] = [
    {"email": "patient@example.com", "display_name": "Rowan"},
    {"email": "morgan@example.com", "display_name": "Morgan"},
    {"email": "priya@example.com", "display_name": "Priya"},
    {"email": "ellis@example.com", "display_name": "Ellis"},
    {"email": "jo@example.com", "display_name": "Jo"},
    {"email": "kit@example.com", "display_name": "Kit"},
]

QUESTIONS: list[dict[str, Any]] = [
    {
        "title": "What actually counts as a relapse, and how is it different from just having a bad day?",
        "body": (
            "I was diagnosed with relapsing MS a few months ago and I still can't tell when I should worry. "
            "Some days my legs feel heavier and I'm more tired than usual. "
            "How do I know whether that is a relapse or just a rough patch?"
        ),
        "answer": (
            "A relapse usually means **new symptoms, or a clear worsening of old ones, that last at least "
            "24 hours** and are not explained by an infection, a fever or being overheated. "
            "Relapses tend to build up over a few days, stay for days to weeks and then gradually settle. "
            "A bad day, by contrast, is often linked to tiredness, stress, heat or a poor night's sleep, and "
            "it eases within a day or so once the trigger passes. "
            "If you are unsure, it is always reasonable to ring your MS team: they would much rather hear "
            "from you than have you sit on a possible relapse."
        ),
        "category": "relapses",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Why do my symptoms get so much worse in a hot bath or on a warm summer day?",
        "body": (
            "Whenever I have a hot bath my legs go weak and my vision gets a bit blurry. "
            "It also happens on warm days when I've been walking. "
            "Is this damaging my nerves, and should I avoid heat altogether?"
        ),
        "answer": (
            "What you describe is very common and has a name: **Uhthoff's phenomenon**. "
            "Nerves that have lost some of their myelin coating conduct signals less reliably when body "
            "temperature rises, so old symptoms can temporarily return or worsen. "
            "The important point is that this is **temporary and does not cause new damage**; symptoms "
            "settle once you cool down.\n\n"
            "Practical things that help include lukewarm rather than hot baths, cool drinks, fans, cooling "
            "scarves and planning activity for cooler parts of the day. "
            "If symptoms do not settle after cooling down, or something new appears, contact your MS team."
        ),
        "category": "symptoms",
        "tags": ["heat-sensitivity"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Is it normal to feel completely exhausted all the time even after a full night's sleep?",
        "body": (
            "I sleep eight hours but still wake up feeling like I haven't slept at all. "
            "By mid-afternoon I can barely keep my eyes open at my desk. "
            "Is this just MS, or could something else be going on?"
        ),
        "answer": (
            "Fatigue is one of the most common MS symptoms, affecting most people at some point, and it often "
            "feels quite different from ordinary tiredness. "
            "That said, it is worth ruling out other causes that can add to it:\n\n"
            "- low iron, vitamin B12 or thyroid problems\n"
            "- poor-quality sleep, for example from bladder trips or leg spasms at night\n"
            "- low mood, and side effects of some medicines\n\n"
            "Once these are checked, approaches such as energy pacing, regular gentle exercise and fatigue "
            "management courses have good evidence behind them. "
            "Ask your MS nurse or GP for a review; fatigue is a real symptom and deserves proper attention."
        ),
        "category": "symptoms",
        "tags": ["fatigue", "sleep"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What does it mean when my MRI report mentions 'T2 hyperintense lesions'?",
        "body": (
            "I got a copy of my MRI report and it lists several 'T2 hyperintense lesions' in "
            "'periventricular' and 'juxtacortical' areas. "
            "I've been looking these words up and it's making me more anxious. "
            "Could someone explain in plain English what this means?"
        ),
        "answer": (
            "T2 is one type of MRI picture, and 'hyperintense' simply means an area that looks brighter than "
            "the surrounding tissue. "
            "In MS these bright spots usually represent areas where inflammation has affected myelin at some "
            "point, now or in the past. "
            "Periventricular means next to the fluid-filled spaces in the middle of the brain, and "
            "juxtacortical means close to the outer grey matter; both are typical places for MS lesions.\n\n"
            "The number of lesions on a report does not map neatly onto how you feel or how you will do. "
            "Your neurologist can go through the images with you, which is often far more reassuring than "
            "reading the report alone."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["mri"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "How does Ocrevus work, and why is it only given every six months?",
        "body": (
            "My neurologist has suggested Ocrevus as my first treatment. "
            "I'm surprised it's only twice a year when other options are daily tablets. "
            "How can something given so rarely keep working?"
        ),
        "answer": (
            "Ocrevus (ocrelizumab) is an antibody that attaches to a marker called CD20 on B cells, a type of "
            "white blood cell involved in MS inflammation, and removes them from the bloodstream. "
            "B cells take months to come back, so a single infusion keeps their numbers low for a long time; "
            "that is why it can be given only twice a year. "
            "The trade-off is that your immune system stays partly lowered throughout, so your team will check "
            "blood tests, talk about infections and vaccines, and plan the timing of infusions with you. "
            "It is a good conversation to have before your first infusion, not after."
        ),
        "category": "treatments",
        "tags": ["ocrelizumab", "rrms"],
        "expert": 0,
        "anonymous": False,
    },
    {
        "title": "Is it safe to keep exercising at the gym, or could hard workouts make my MS worse?",
        "body": (
            "Before my diagnosis I trained at the gym four times a week. "
            "Now I'm worried that pushing myself might trigger a relapse. "
            "Should I be cutting back?"
        ),
        "answer": (
            "The research is reassuring: regular exercise is safe in MS and there is **no good evidence that "
            "it triggers relapses**. "
            "Both aerobic and strength training can improve fitness, fatigue, mood and walking. "
            "You may notice symptoms flare temporarily if you get very hot, but this settles as you cool "
            "down. "
            "Keep training, build up gradually after any break, and use fans, cool water and shorter sets "
            "on warm days. "
            "A physiotherapist with MS experience can help tailor a programme if particular symptoms get in "
            "the way."
        ),
        "category": "daily-life",
        "tags": ["exercise", "heat-sensitivity"],
        "expert": 2,
        "anonymous": False,
    },
    {
        "title": "Do I really need a lumbar puncture to confirm an MS diagnosis?",
        "body": (
            "My neurologist says my MRI looks like MS but wants to do a lumbar puncture as well. "
            "I'm quite scared of needles in my back. "
            "Is it really necessary, or can the MRI be enough?"
        ),
        "answer": (
            "Not everyone needs a lumbar puncture. "
            "When the MRI and symptoms clearly fit MS, the diagnosis can sometimes be made without one. "
            "It becomes more useful when the picture is less certain: finding 'oligoclonal bands' in the "
            "spinal fluid supports MS and can allow a diagnosis earlier, and the test helps rule out other "
            "conditions. "
            "The procedure is usually done under local anaesthetic, and the most common after-effect is a "
            "headache that settles with rest. "
            "Ask your neurologist what specific question the test would answer for you; that often makes the "
            "decision easier."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["mri", "rrms"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "Should I always have steroids for a relapse, or is it okay to wait it out?",
        "body": (
            "I had steroids for my first relapse and felt awful on them. "
            "I think I'm having another relapse now, but it's mainly tingling in one hand. "
            "Do I have to take steroids again?"
        ),
        "answer": (
            "Steroids can speed up recovery from a relapse, but they **do not change how well you recover in "
            "the long run**. "
            "So for milder relapses that are not affecting daily life much, many people and their teams "
            "decide not to use them. "
            "Steroids are more often offered when a relapse is affecting walking, vision or the ability to "
            "work or look after yourself. "
            "Please still let your MS team know about this episode, because relapses are important when "
            "reviewing how well your treatment is working."
        ),
        "category": "relapses",
        "tags": ["steroids", "rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "How can I manage bladder urgency without planning my whole life around toilets?",
        "body": (
            "I constantly feel I need to rush to the toilet, and sometimes I don't quite make it. "
            "I've started drinking less before I go out. "
            "Is there anything else I can do?"
        ),
        "answer": (
            "Bladder urgency is common in MS and there is a lot that can help, so you don't have to put up "
            "with it. "
            "First, try not to cut back on fluids too much, because concentrated urine irritates the bladder "
            "and raises infection risk. "
            "Helpful steps include:\n\n"
            "- cutting down on caffeine, fizzy drinks and alcohol\n"
            "- pelvic floor exercises, ideally taught by a specialist physiotherapist\n"
            "- checking for infection and whether the bladder is emptying fully\n\n"
            "If these are not enough, there are medicines and other treatments your MS nurse or a continence "
            "service can discuss with you."
        ),
        "category": "symptoms",
        "tags": ["bladder"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "I've felt anxious almost every day since my diagnosis. Is that common?",
        "body": (
            "Since I was told I have MS I can't stop thinking about what might happen. "
            "I check my body for new symptoms constantly and struggle to switch off at night. "
            "Is this a normal reaction, and will it fade?"
        ),
        "answer": (
            "Yes, anxiety after an MS diagnosis is very common, and it is an understandable response to "
            "uncertainty. "
            "For many people it eases over the first year as MS becomes more familiar and they see that life "
            "continues. "
            "Constant body-checking tends to feed anxiety rather than calm it, so it can help to set a "
            "specific 'worry time' and otherwise gently redirect your attention. "
            "If the anxiety is affecting sleep, work or relationships, talking therapies such as CBT work well "
            "and can be arranged through your GP or MS team. "
            "Asking for this kind of help is an ordinary part of MS care, not a sign of weakness."
        ),
        "category": "emotional-health",
        "tags": ["sleep"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Is natalizumab still a sensible choice if I tested positive for JC virus antibodies?",
        "body": (
            "I've been on natalizumab for a year and it has worked really well for me. "
            "My latest blood test says I'm JC virus positive. "
            "Does that mean I have to stop?"
        ),
        "answer": (
            "Testing positive for JC virus antibodies is common and does not mean you have to stop. "
            "It does mean the risk of a rare but serious brain infection called PML is higher than in people "
            "who test negative. "
            "That risk depends on several factors, including the antibody level (the 'index'), how long you "
            "have been on treatment and whether you have had other immune-suppressing medicines before. "
            "Some people continue with closer MRI monitoring or longer gaps between infusions, and others "
            "switch to a different treatment. "
            "This is very much a shared decision, so ask your neurologist to go through your own risk numbers "
            "with you."
        ),
        "category": "treatments",
        "tags": ["natalizumab"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "I keep losing words mid-sentence. Is this kind of brain fog part of MS?",
        "body": (
            "In meetings I sometimes completely lose the word I want, or forget what I was saying. "
            "It's embarrassing and I worry it will get worse. "
            "Could this be my MS?"
        ),
        "answer": (
            "Changes in thinking, often called cognitive symptoms, affect a good proportion of people with MS. "
            "Word-finding problems, slower processing and difficulty multitasking are among the most common. "
            "They are often made worse by fatigue, poor sleep, low mood and stress, so tackling those can "
            "make a real difference. "
            "A formal cognitive assessment can identify your particular strengths and difficulties and guide "
            "strategies such as structured notes, reducing distractions and scheduling demanding tasks for "
            "when you are freshest. "
            "Raise it with your MS team, who can refer you on if needed."
        ),
        "category": "symptoms",
        "tags": ["cognition", "work"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Do I need to stop my DMT before we start trying for a baby?",
        "body": (
            "My partner and I would like to start a family in the next year or so. "
            "I'm currently on a tablet DMT. "
            "Should I stop it now, and will I be unprotected against relapses?"
        ),
        "answer": (
            "Please don't stop your treatment on your own; the right plan depends a lot on **which DMT you "
            "take**. "
            "Some treatments can be continued until you conceive, or even during pregnancy, while others "
            "need to be stopped some time beforehand, and a few require a special process to clear them from "
            "the body. "
            "For some medicines, stopping suddenly can also lead to a rebound in MS activity. "
            "Book a pre-pregnancy conversation with your neurologist or MS nurse now; planning early gives the "
            "most options and the smoothest path to both a safe pregnancy and good MS control."
        ),
        "category": "family-and-pregnancy",
        "tags": ["pregnancy", "rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "What can I do about leg stiffness and spasms that keep waking me up at night?",
        "body": (
            "Most nights my legs jerk or go stiff just as I'm falling asleep. "
            "Sometimes the cramps wake me in the early hours and I can't get back to sleep. "
            "What might help?"
        ),
        "answer": (
            "Night-time spasms are a common feature of spasticity and can really disrupt sleep. "
            "A regular stretching routine before bed, taught by a physiotherapist, is often the first step. "
            "It is also worth looking for triggers that make spasticity worse, such as a bladder infection, "
            "constipation, pain, or a tight sheet pressing on the feet. "
            "Positioning with pillows can help some people. "
            "If these measures are not enough, there are medicines that reduce spasticity, and your MS nurse "
            "or neurologist can talk through whether one might suit you."
        ),
        "category": "symptoms",
        "tags": ["spasticity", "sleep"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "My first symptom was optic neuritis. Does that mean I will definitely develop MS?",
        "body": (
            "A few months ago I lost some vision in one eye and was told it was optic neuritis. "
            "My eyesight has mostly recovered. "
            "Now I'm scared that MS is inevitable."
        ),
        "answer": (
            "No, it is not inevitable. "
            "Optic neuritis can be a first sign of MS, but it can also happen on its own or alongside other "
            "conditions. "
            "The most useful guide is the **brain MRI**: if it shows no lesions, the long-term chance of "
            "developing MS is relatively low, roughly one in four in older studies; if typical lesions are "
            "present, the chance is considerably higher. "
            "Your team may also check blood tests for related conditions. "
            "Ask your neurologist what your own scan shows and what follow-up they suggest."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["optic-neuritis", "mri"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "Should I take vitamin D supplements, and how do I know how much I need?",
        "body": (
            "I keep reading that vitamin D is important in MS. "
            "A friend takes very high doses that she buys online. "
            "Should I be doing the same?"
        ),
        "answer": (
            "Low vitamin D levels are linked with a higher risk of developing MS, and many MS teams recommend "
            "keeping levels in the normal range. "
            "However, trials of very high doses have not shown a clear benefit on MS activity, and too much "
            "vitamin D can be harmful by raising calcium levels. "
            "The sensible approach is to have your level checked with a blood test and agree a supplement "
            "plan with your GP or MS team. "
            "Please don't copy someone else's dose."
        ),
        "category": "daily-life",
        "tags": ["vitamin-d"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Can I have vaccines while on ocrelizumab, and will they still work?",
        "body": (
            "I'm due my flu jab and I'm on ocrelizumab infusions. "
            "I've heard vaccines don't work as well on this treatment. "
            "Is it still worth having them?"
        ),
        "answer": (
            "Yes, most non-live vaccines, such as the flu jab, are recommended while on ocrelizumab. "
            "Your response to a vaccine may be weaker than usual, but some protection is better than none, "
            "and parts of the immune response still work. "
            "**Live vaccines** are usually avoided while on this treatment, so always mention your medication "
            "when booking any vaccine. "
            "Some teams suggest timing vaccines well before your next infusion to get the best response. "
            "Check with your MS nurse so the timing fits your infusion schedule."
        ),
        "category": "treatments",
        "tags": ["vaccines", "ocrelizumab"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Is it normal to grieve for the life I thought I'd have before my MS diagnosis?",
        "body": (
            "I'm in my late twenties and had lots of plans for travel and my career. "
            "Since my diagnosis I feel a kind of sadness that's hard to explain. "
            "Nobody around me seems to understand it."
        ),
        "answer": (
            "What you describe sounds very much like grief, and it is a natural response to a diagnosis "
            "that changes how you picture your future. "
            "Grief often comes in waves rather than in neat stages, and it can resurface at milestones or "
            "after a relapse. "
            "It may help to talk with others who have MS, through a support group or peer network, because "
            "they often understand without explanation. "
            "Many people find that, over time, plans adapt rather than disappear. "
            "If the sadness becomes constant or you lose interest in things you used to enjoy, please speak "
            "to your GP or MS team about psychological support."
        ),
        "category": "emotional-health",
        "tags": ["rrms"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "What side effects of high-dose steroids should I be prepared for during a relapse?",
        "body": (
            "I've just been prescribed a short course of steroids for a relapse. "
            "It's my first time taking them. "
            "What should I expect and is there anything I can do to make it easier?"
        ),
        "answer": (
            "Short steroid courses are generally well tolerated, but side effects are common while you take "
            "them. These may include:\n\n"
            "- trouble sleeping and feeling wired or irritable\n"
            "- a metallic taste, indigestion and a bigger appetite\n"
            "- flushed cheeks and raised blood sugar\n\n"
            "Taking tablets in the morning with food can help with sleep and the stomach, and your prescriber "
            "may add a stomach-protecting medicine. "
            "If you have diabetes, a history of mental health problems or signs of an infection, tell your team "
            "before starting."
        ),
        "category": "relapses",
        "tags": ["steroids", "sleep"],
        "expert": 2,
        "anonymous": False,
    },
    {
        "title": "How do I find out whether I'm eligible to take part in an MS clinical trial?",
        "body": (
            "I'd like to help with research and maybe access newer treatments. "
            "I don't know where to start or whether someone like me would qualify. "
            "How does it work?"
        ),
        "answer": (
            "The best starting point is to tell your neurologist or MS nurse that you are interested; many MS "
            "centres run trials or know which nearby centres do. "
            "National trial registers and MS charities also list studies that are recruiting. "
            "Each trial has inclusion criteria, such as type of MS, age, disability level and previous "
            "treatments, so you may not be eligible for every study. "
            "Before joining, you will get written information and time to ask questions, and you can always "
            "withdraw. "
            "Not all research involves new drugs: surveys, imaging and rehabilitation studies also need "
            "volunteers."
        ),
        "category": "research",
        "tags": ["rrms"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "How often should I expect a follow-up MRI once I've started a DMT?",
        "body": (
            "I started my first DMT a couple of months ago. "
            "Nobody has mentioned when my next scan will be. "
            "Is there a usual schedule?"
        ),
        "answer": (
            "Schedules vary between centres and treatments, but a common pattern is a **new baseline scan a "
            "few months after starting** a DMT, once it has had time to take effect. "
            "After that, many teams scan roughly once a year for the first few years, then less often if "
            "things are stable. "
            "Some treatments, such as natalizumab in people at higher PML risk, need more frequent scans. "
            "You should also have an extra scan if something changes clinically. "
            "It is entirely reasonable to ask your team what their plan is for you."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["mri"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "Can I switch from Tecfidera to Kesimpta, and does there need to be a gap between them?",
        "body": (
            "I've had a relapse and a couple of new lesions on Tecfidera. "
            "My neurologist mentioned Kesimpta as an option. "
            "How does switching work in practice?"
        ),
        "answer": (
            "Switching from Tecfidera (dimethyl fumarate) to Kesimpta (ofatumumab) is a common move when MS "
            "has been active on the first treatment. "
            "The main thing your team will check is your **lymphocyte count**, because dimethyl fumarate can "
            "lower it, and they want it to be at a safe level before starting another immune treatment. "
            "If your count is fine, the gap can often be short; if it is low, they may wait for it to "
            "recover. "
            "You will also have routine screening bloods and a check of your vaccine history. "
            "Your neurologist will give you a plan tailored to your results."
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Do I have to tell the driving licence authority about my MS diagnosis?",
        "body": (
            "I've just been diagnosed and I drive to work every day. "
            "My symptoms so far are mostly numbness and tiredness. "
            "Do I need to report it, and could I lose my licence?"
        ),
        "answer": (
            "Rules vary by country, but in many places, including the UK, you are required to tell the "
            "licensing authority about an MS diagnosis. "
            "Telling them does not usually mean losing your licence; most people with MS continue to drive, "
            "sometimes with a shorter licence that is reviewed periodically. "
            "You should also tell your car insurer. "
            "If symptoms such as leg weakness, vision problems or severe fatigue affect your driving, stop and "
            "discuss it with your MS team; adaptations such as hand controls or an automatic car can help many "
            "people keep driving safely."
        ),
        "category": "daily-life",
        "tags": ["optic-neuritis", "fatigue"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What is the difference between a clinically isolated syndrome and RRMS?",
        "body": (
            "After an episode of numbness in my legs I was told I have a 'clinically isolated syndrome'. "
            "Someone else I know had similar symptoms and was told they have RRMS straight away. "
            "What's the difference?"
        ),
        "answer": (
            "A clinically isolated syndrome (CIS) is a first episode of symptoms caused by inflammation in "
            "the nervous system, like the one you had. "
            "MS is diagnosed when there is evidence of damage in **more than one area** and **at more than "
            "one point in time**. "
            "With modern criteria, MRI findings or spinal fluid results can sometimes show this after just one "
            "episode, which is why your friend was diagnosed with RRMS straight away. "
            "Some people with CIS never develop MS, while others do, and your scan results help predict "
            "which is more likely. "
            "Your neurologist can explain where you sit and whether treatment is worth considering now."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["rrms", "mri"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "What reasonable adjustments at work could help me cope with MS fatigue?",
        "body": (
            "I work full time in an office and by mid-afternoon I'm struggling to concentrate. "
            "My manager knows about my MS and has asked what would help. "
            "I honestly don't know what to suggest."
        ),
        "answer": (
            "It is great that your manager has asked, because small changes can make a big difference. "
            "Adjustments that often help with fatigue include:\n\n"
            "- flexible start times or working from home on some days\n"
            "- planning demanding tasks for the time of day you have most energy\n"
            "- short scheduled breaks and a quiet space to rest\n"
            "- a desk near a window or fan and away from heat sources\n\n"
            "An occupational therapist or occupational health service can assess your role and suggest "
            "specific changes. "
            "Try one or two adjustments, review them after a few weeks and adapt as you go."
        ),
        "category": "daily-life",
        "tags": ["work", "fatigue"],
        "expert": 3,
        "anonymous": False,
    },
    {
        "title": "Are there any DMT options for PPMS, or is it only symptom management?",
        "body": (
            "My dad was recently diagnosed with primary progressive MS. "
            "He was told there isn't much that can be done. "
            "Is that really true in PPMS?"
        ),
        "answer": (
            "Options for PPMS are more limited than for relapsing MS, but there is more to offer than there "
            "used to be. "
            "Ocrelizumab is licensed for some people with early PPMS, particularly where there are signs of "
            "inflammatory activity, and it has been shown to modestly slow disability progression. "
            "Whether it is suitable depends on factors such as age, disability level and MRI findings. "
            "Beyond medicines, good symptom management, physiotherapy, staying active and looking after "
            "general health all matter a great deal. "
            "Your dad could also ask about clinical trials, as progressive MS is a major focus of current "
            "research."
        ),
        "category": "treatments",
        "tags": ["progressive-ms", "ocrelizumab"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "What is a pseudo-relapse, and can an infection really bring back my old symptoms?",
        "body": (
            "I had a cold last week and suddenly my old numbness came back along with weakness in my leg. "
            "Now the cold is better and so is my leg. "
            "Was that a relapse?"
        ),
        "answer": (
            "It sounds more like a **pseudo-relapse**. "
            "Infections, fever, overheating and sometimes stress can temporarily bring back or worsen old "
            "symptoms, without any new inflammation in the nervous system. "
            "The symptoms typically improve once the trigger is treated or passes, as yours did. "
            "Urine infections are a common hidden cause, so it is worth checking for one if symptoms flare "
            "without an obvious reason. "
            "Let your MS team know about episodes like this, as it helps them keep an accurate picture."
        ),
        "category": "relapses",
        "tags": ["rrms", "bladder"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "How can I tell the difference between depression and ordinary MS fatigue?",
        "body": (
            "I feel flat and tired most of the time. "
            "I don't know whether I'm depressed or whether it's just the fatigue everyone talks about. "
            "Does it matter which it is?"
        ),
        "answer": (
            "It does matter, because the two are treated differently, although they often overlap. "
            "Fatigue mainly affects energy: you may want to do things but run out of steam. "
            "Depression tends to affect mood and interest: things you used to enjoy feel pointless, and you "
            "may feel hopeless, guilty or worthless. "
            "Depression is more common in MS than in the general population and responds well to talking "
            "therapies and, where appropriate, medication. "
            "A short conversation with your GP or MS team using simple questionnaires can help untangle "
            "the two. "
            "If you ever have thoughts of harming yourself, please seek help urgently."
        ),
        "category": "emotional-health",
        "tags": ["fatigue"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Is it safe to breastfeed while taking ocrelizumab or another DMT?",
        "body": (
            "I'm pregnant and planning to breastfeed. "
            "I was on ocrelizumab before pregnancy and would like to restart fairly soon after the birth. "
            "Will I have to choose between breastfeeding and my treatment?"
        ),
        "answer": (
            "Not necessarily. "
            "Antibody medicines such as ocrelizumab are very large molecules, and only tiny amounts pass into "
            "breast milk; what does pass is thought to be poorly absorbed by a baby's gut. "
            "Evidence on breastfeeding with these treatments is growing and has been reassuring, and guidance "
            "has been changing. "
            "Other DMTs differ, and some are not recommended while breastfeeding. "
            "Discuss your plans with your neurologist during pregnancy so you can agree a timing that protects "
            "both you and your baby."
        ),
        "category": "family-and-pregnancy",
        "tags": ["pregnancy", "ocrelizumab"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Why does my neurologist want a scan with gadolinium contrast, and is it safe?",
        "body": (
            "My next MRI will include an injection of contrast dye. "
            "I've read worrying things online about gadolinium staying in the brain. "
            "Why is it needed?"
        ),
        "answer": (
            "Gadolinium contrast highlights lesions that are **currently active**, because it leaks into areas "
            "where inflammation has disrupted the blood-brain barrier. "
            "This helps confirm a diagnosis or show whether MS is active right now. "
            "Studies have found that tiny traces of gadolinium can remain in the brain, but so far there is no "
            "evidence that this causes harm. "
            "Partly for this reason, many centres now use contrast only when it will change decisions, rather "
            "than on every routine scan. "
            "If you have kidney problems or have reacted to contrast before, tell the radiology team."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["mri"],
        "expert": 1,
        "anonymous": False,
    },
    {
        "title": "Self-injecting ofatumumab at home: what should I expect from the first dose?",
        "body": (
            "I'm about to start ofatumumab using the pen at home. "
            "I'm nervous about doing the injection myself and about side effects. "
            "What is the first injection usually like?"
        ),
        "answer": (
            "Most people find the pen easier than they expected, and your MS nurse will usually show you how "
            "to use it first. "
            "After the first injection or two, some people get flu-like symptoms such as a headache, chills, "
            "fever or aching, typically within a day. "
            "These tend to be mild and become much less common with later doses. "
            "Your team may suggest simple measures to ease them, so ask what they recommend in advance. "
            "Keep the pen in the fridge as instructed, and contact your team if you develop signs of "
            "infection or a reaction that worries you."
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Is there a specific diet that has actually been proven to help with MS?",
        "body": (
            "There are so many MS diets online, all claiming amazing results. "
            "Some cut out whole food groups. "
            "Is there any diet that really works?"
        ),
        "answer": (
            "At present **no single diet has been proven** to change the course of MS. "
            "Studies comparing popular MS diets have found similar, modest effects on fatigue and wellbeing, "
            "which probably reflect generally healthier eating. "
            "A balanced diet with plenty of vegetables, fruit, whole grains and fish, and not too much "
            "processed food, supports heart health, weight and energy, all of which matter in MS. "
            "Very restrictive diets can lead to nutritional gaps, so talk to a dietitian or your MS team "
            "before cutting out food groups."
        ),
        "category": "daily-life",
        "tags": ["fatigue"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Will my children be more likely to get MS because I have it?",
        "body": (
            "I have two young children and I feel guilty that I might have passed MS on to them. "
            "Is MS inherited? "
            "Is there anything I can do to lower their risk?"
        ),
        "answer": (
            "MS is not inherited in a simple way. "
            "Many genes each add a small amount of risk, and environmental factors also play a big part. "
            "The child of a parent with MS has a somewhat higher chance than average, but it remains low: "
            "the large majority of children of people with MS never develop it. "
            "Sensible general steps include encouraging a healthy weight, time outdoors, good vitamin D levels "
            "and never smoking. "
            "Please don't carry guilt for this; it is nobody's fault."
        ),
        "category": "family-and-pregnancy",
        "tags": ["vitamin-d"],
        "expert": 1,
        "anonymous": False,
    },
    {
        "title": "My dimethyl fumarate makes my face go red and hot. Is this flushing normal?",
        "body": (
            "I started dimethyl fumarate two weeks ago. "
            "About half an hour after each capsule my face and neck go bright red and feel hot and itchy. "
            "Will this continue?"
        ),
        "answer": (
            "Flushing is one of the most common side effects of dimethyl fumarate, especially in the first "
            "month, and it usually becomes milder or stops with time. "
            "Taking the capsule with a substantial meal often helps, and your team may have other suggestions. "
            "Stomach upset is also common early on and tends to settle in the same way. "
            "However, if you have swelling of the lips or tongue, difficulty breathing, or a widespread rash, "
            "seek urgent medical help. "
            "Otherwise mention the flushing to your MS nurse, who can advise you."
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What is the current thinking on Epstein-Barr virus as a cause of MS?",
        "body": (
            "I keep seeing headlines saying that a virus causes MS. "
            "I had glandular fever as a teenager. "
            "Did that cause my MS, and does it change anything for treatment?"
        ),
        "answer": (
            "There is now strong evidence that infection with Epstein-Barr virus (EBV), which causes glandular "
            "fever, is a **key step** on the road to MS for most people. "
            "Almost everyone with MS has had EBV, and large studies show the risk of MS rises after infection. "
            "However, most adults have had EBV and very few develop MS, so it is not the whole story; genes and "
            "other factors matter too. "
            "Research into EBV vaccines and treatments targeting the virus is under way, but none is yet part "
            "of routine care. "
            "For now, it does not change your treatment choices."
        ),
        "category": "research",
        "tags": ["rrms"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "How long does recovery from a relapse usually take, and is it ever complete?",
        "body": (
            "I had a relapse affecting my balance about six weeks ago. "
            "It's better but I'm not back to normal. "
            "How long should I give it?"
        ),
        "answer": (
            "Recovery often starts within a few weeks of a relapse but can continue slowly for several months, "
            "sometimes up to a year. "
            "Many people, particularly early in the condition, recover fully or almost fully, while some are "
            "left with a degree of lasting symptoms. "
            "Rehabilitation, such as targeted physiotherapy for balance, can help you make the most of recovery. "
            "Keep your MS team updated, since ongoing symptoms may be relevant to decisions about treatment."
        ),
        "category": "relapses",
        "tags": ["rrms", "exercise"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Should I tell my employer about my MS diagnosis, and when is the right time?",
        "body": (
            "I've been in my job for a year and nobody there knows about my MS. "
            "At the moment I'm managing fine. "
            "I'm torn between being open and keeping it private."
        ),
        "answer": (
            "This is a personal decision, and there is no single right answer. "
            "In many countries you are not obliged to tell your employer unless your condition affects safety "
            "in your role, although it is worth checking your contract and any health declarations. "
            "In the UK, MS counts as a disability under equality law from diagnosis, which gives you protection "
            "and a right to reasonable adjustments, but those adjustments are easier to request once your "
            "employer knows. "
            "Some people choose to tell a trusted manager or HR first, and to decide what to share and how. "
            "Talking it through with your MS nurse or an employment adviser can help you plan."
        ),
        "category": "daily-life",
        "tags": ["work"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Why do I wake up so many times a night, and can MS itself affect sleep?",
        "body": (
            "I rarely sleep more than two or three hours in one go. "
            "Sometimes it's needing the toilet, sometimes I just wake up. "
            "Could this be connected to my MS?"
        ),
        "answer": (
            "Sleep problems are common in MS, and they have many possible causes, several of which are "
            "treatable:\n\n"
            "- needing to pass urine at night\n"
            "- spasms, pain or restless legs\n"
            "- low mood or anxiety, and some medicines\n"
            "- sleep apnoea, which is worth considering if you snore\n\n"
            "Keeping a simple sleep diary for a couple of weeks can help your MS nurse or GP spot patterns and "
            "target the right cause. "
            "Good habits such as a regular bedtime, a cool bedroom and less screen time late at night help "
            "too. "
            "Better sleep often makes fatigue and concentration noticeably better as well."
        ),
        "category": "symptoms",
        "tags": ["sleep", "bladder"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Are there any treatments being studied that could repair myelin in MS?",
        "body": (
            "All the current treatments seem to focus on preventing new damage. "
            "I'd love to know if anyone is working on repairing what's already there. "
            "Is remyelination therapy realistic?"
        ),
        "answer": (
            "Yes, repairing myelin is one of the most active areas of MS research. "
            "Scientists have identified several ways to encourage the cells that make myelin to do their job, "
            "and some existing medicines have shown small signs of repair in early trials. "
            "So far no remyelinating treatment is approved, and larger trials are needed to show benefits that "
            "people would notice in daily life. "
            "Progress is real but steady rather than sudden, so be wary of anyone claiming a cure today. "
            "If you are interested, ask your team about repair trials in your area."
        ),
        "category": "research",
        "tags": ["progressive-ms"],
        "expert": 1,
        "anonymous": False,
    },
    {
        "title": "My latest MRI shows one new lesion but I feel fine. Does that mean my DMT is failing?",
        "body": (
            "I've been on treatment for about 18 months with no relapses. "
            "My latest scan shows one new small lesion. "
            "Should I be switching?"
        ),
        "answer": (
            "Not necessarily. "
            "New lesions often appear without causing symptoms, so your MRI is a valuable early-warning tool. "
            "Whether one new lesion means treatment is not working depends on the details: when you started, "
            "whether the lesion might have formed before the treatment took full effect, and how your overall "
            "picture looks. "
            "Some teams would watch and rescan, while others would consider a switch, especially if there are "
            "several new lesions or a relapse as well. "
            "Ask your neurologist to explain their reasoning and what would prompt a change."
        ),
        "category": "treatments",
        "tags": ["mri", "rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Would talking to a counsellor or joining a support group actually help me?",
        "body": (
            "My MS nurse suggested a support group, but I'm not really a 'group' person. "
            "I'm also not sure I need counselling. "
            "What do people actually get out of these things?"
        ),
        "answer": (
            "People get different things from each. "
            "Support groups, in person or online, offer shared experience, practical tips and a sense that "
            "you are not alone. "
            "Counselling offers a private space to work through your own feelings with a trained person, "
            "which suits people who prefer one-to-one conversation. "
            "Neither is compulsory, and you can try one for a few sessions and stop if it isn't right. "
            "Your MS nurse can point you to local options, including MS charities that offer counselling."
        ),
        "category": "emotional-health",
        "tags": ["rrms"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What blood tests are used to rule out other conditions that can look like MS?",
        "body": (
            "Before my diagnosis I had lots of blood taken. "
            "I wasn't really told what they were checking for. "
            "What are doctors looking for?"
        ),
        "answer": (
            "Several conditions can mimic MS, so blood tests help make sure the diagnosis is right. "
            "Commonly checked things include:\n\n"
            "- vitamin B12, thyroid function and a full blood count\n"
            "- markers of inflammation and certain autoimmune conditions\n"
            "- antibodies linked to related conditions such as NMOSD and MOG antibody disease\n"
            "- some infections that can affect the nervous system\n\n"
            "Which tests are done depends on your symptoms and scan. "
            "Your neurologist can tell you which ones you had and what they showed."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["rrms"],
        "expert": 1,
        "anonymous": False,
    },
    {
        "title": "Tysabri infusions every four weeks: could I ask about spacing them further apart?",
        "body": (
            "I've been on Tysabri for three years and I'm JC virus positive. "
            "Another patient at my infusion unit mentioned 'extended interval dosing'. "
            "What is that, and could it apply to me?"
        ),
        "answer": (
            "Extended interval dosing means giving Tysabri (natalizumab) infusions with longer gaps than the "
            "standard schedule. "
            "Research, including a randomised trial and large observational studies, suggests that for many "
            "people it keeps MS well controlled, and observational data suggest it may lower the risk of PML. "
            "It is not right for everyone, and some teams check blood levels of the drug to guide decisions. "
            "It is definitely worth raising with your neurologist, who can weigh it against your own MS "
            "activity and risk factors."
        ),
        "category": "treatments",
        "tags": ["natalizumab"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Is it safe to fly and travel abroad while I'm on an infusion treatment?",
        "body": (
            "I'm planning a long-haul holiday and I'm on infusion therapy. "
            "I'm not sure about vaccines for the destination or what to do if I get ill. "
            "What should I plan for?"
        ),
        "answer": (
            "Travel is usually perfectly possible with a bit of planning. "
            "Useful steps include:\n\n"
            "- timing the trip around your infusion schedule\n"
            "- checking destination vaccines early, as **live vaccines** are often not suitable on immune "
            "treatments\n"
            "- getting travel insurance that covers your MS and treatment\n"
            "- taking a letter about your condition and medicines\n\n"
            "Be careful with food and water hygiene, and know where to get medical help at your destination. "
            "Your MS nurse can help you plan, especially for vaccines."
        ),
        "category": "daily-life",
        "tags": ["vaccines", "natalizumab", "ocrelizumab"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Is the risk of a relapse higher in the months right after giving birth?",
        "body": (
            "I had a very stable pregnancy and hardly any MS symptoms. "
            "Now my baby is due soon and people are warning me about relapses afterwards. "
            "How worried should I be?"
        ),
        "answer": (
            "Pregnancy, especially the later months, tends to be a time of fewer relapses. "
            "The risk then rises for a few months after the birth, before returning to roughly pre-pregnancy "
            "levels. "
            "Many women have no relapse at all after birth, but planning ahead helps: talk with your team "
            "about when to restart treatment and how breastfeeding fits in. "
            "Having support at home to protect your sleep and energy is valuable too. "
            "If new symptoms appear after the birth, contact your MS team promptly."
        ),
        "category": "family-and-pregnancy",
        "tags": ["pregnancy", "rrms"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What are BTK inhibitors, and could they help people with SPMS in the future?",
        "body": (
            "I have SPMS and I keep reading about BTK inhibitors as a possible breakthrough. "
            "How do they differ from current treatments? "
            "When might they be available?"
        ),
        "answer": (
            "BTK inhibitors are tablets that block an enzyme used by B cells and by microglia, the immune cells "
            "that live inside the brain. "
            "Because they can reach the brain, researchers hope they may act on the 'smouldering' inflammation "
            "thought to drive progression, which current treatments reach less well. "
            "Large trials in relapsing and progressive MS have reported mixed results so far, with some "
            "encouraging findings in progressive disease and some trials showing no advantage. "
            "Regulators are still reviewing the evidence, and safety, including effects on the liver, is being "
            "watched closely. "
            "Your neurologist can tell you about trials you might be eligible for."
        ),
        "category": "research",
        "tags": ["progressive-ms"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "I worry constantly about ending up in a wheelchair. How do people cope with that fear?",
        "body": (
            "It's the first thing I thought about when I was diagnosed, and it still haunts me. "
            "Every time I trip I wonder if it's the start. "
            "How do other people live with this fear?"
        ),
        "answer": (
            "This is one of the most common fears after diagnosis, and it is worth knowing that outlooks have "
            "improved greatly with modern treatments; many people with MS never need a wheelchair. "
            "Fear about the future can feel very vivid, so it can help to notice when your mind jumps ahead "
            "and bring it back to what you can influence today: treatment, activity, sleep and connection. "
            "Some people also find that learning more about mobility aids takes away some of their power to "
            "frighten. "
            "If the worry is constant, a psychologist can help with techniques designed for exactly this kind "
            "of fear."
        ),
        "category": "emotional-health",
        "tags": ["progressive-ms"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Are pins and needles and numbness in my hands something I should worry about?",
        "body": (
            "I get tingling in my fingers on and off, worse when I'm tired. "
            "It's been happening for a couple of years. "
            "Should I report it every time?"
        ),
        "answer": (
            "Sensory symptoms such as tingling and numbness are very common in MS and are often linked to "
            "areas of past inflammation. "
            "Symptoms that come and go, especially with fatigue or heat, are usually not a sign of new damage. "
            "What matters more is something clearly new, or a sustained worsening lasting more than a day, "
            "which could signal a relapse and is worth reporting. "
            "Numbness in the hands can also come from other causes, such as carpal tunnel syndrome, so mention "
            "it at your next review if the pattern changes."
        ),
        "category": "symptoms",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": False,
    },
    {
        "title": "How can I stop scan anxiety from taking over the weeks before each MRI?",
        "body": (
            "I have an annual MRI and from about a month beforehand I can't think about anything else. "
            "Then I wait weeks for results. "
            "Is there any way to make this easier?"
        ),
        "answer": (
            "'Scanxiety' is very common, and the wait for results is often harder than the scan itself. "
            "Some things that help:\n\n"
            "- ask your team beforehand how and when you will get results, to reduce the uncertainty\n"
            "- plan enjoyable, absorbing activities for the weeks around the scan\n"
            "- practise a short breathing or grounding exercise you can use when the worry spikes\n\n"
            "It can also help to remember that a scan is a tool for good decisions, not a verdict. "
            "If the anxiety is severe, talking therapy can help you build coping strategies."
        ),
        "category": "emotional-health",
        "tags": ["mri"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Does smoking really make a difference to how quickly MS progresses?",
        "body": (
            "I've smoked since my teens and I know I should stop. "
            "My neurologist mentioned it affects MS. "
            "Is that true or just general health advice?"
        ),
        "answer": (
            "It is genuinely specific to MS. "
            "Smoking is linked with a higher risk of developing MS, more relapses and faster progression of "
            "disability, and it may reduce how well some treatments work. "
            "Importantly, studies suggest that **stopping smoking is associated with slower progression "
            "compared with continuing**, so it is never too late. "
            "Stop-smoking services, nicotine replacement and other support roughly double or triple your "
            "chances of quitting successfully. "
            "Your GP or pharmacist can help you find the right option."
        ),
        "category": "daily-life",
        "tags": ["progressive-ms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "What are evoked potential tests, and what can they show that an MRI can't?",
        "body": (
            "I've been booked for 'visual evoked potentials'. "
            "I had no idea what this was. "
            "Does it hurt and what is it looking for?"
        ),
        "answer": (
            "Evoked potentials measure how quickly signals travel along nerve pathways. "
            "For visual evoked potentials you watch a changing pattern on a screen while small sensors on your "
            "scalp record the brain's response; it is painless. "
            "If the signal is slower than expected, that suggests the pathway has been affected by "
            "demyelination, sometimes even when you had no obvious eye symptoms. "
            "This can add evidence for a diagnosis when the MRI alone is not conclusive. "
            "Results are usually discussed at your next clinic appointment."
        ),
        "category": "diagnosis-and-tests",
        "tags": ["optic-neuritis"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "How do I explain my MS to young children without frightening them?",
        "body": (
            "My kids are five and eight. "
            "They notice when I'm tired or can't play, but I haven't explained why. "
            "How much should I tell them?"
        ),
        "answer": (
            "Children often sense when something is going on, and simple honest explanations usually reassure "
            "them more than silence. "
            "For young children, a short explanation works well, for example that the messages between your "
            "brain and body sometimes get muddled, which makes you tired or wobbly. "
            "Reassure them that it is not catching, that it is not their fault, and that you are getting help. "
            "Let them ask questions at their own pace, and revisit the conversation as they grow. "
            "MS charities produce children's books and guides that can help you start."
        ),
        "category": "family-and-pregnancy",
        "tags": ["fatigue"],
        "expert": 3,
        "anonymous": False,
    },
    {
        "title": "Could nerve pain in my face be related to my MS?",
        "body": (
            "I've started getting sudden, sharp, electric-shock pains on one side of my face. "
            "They last only seconds but are intense and can happen when I eat or brush my teeth. "
            "Is this MS?"
        ),
        "answer": (
            "What you describe sounds like it could be **trigeminal neuralgia**, a type of facial nerve pain "
            "that is more common in people with MS. "
            "It can be very distressing, but there are effective treatments, including specific medicines and, "
            "for some people, procedures. "
            "Ordinary painkillers usually don't help much, so please contact your MS team or GP promptly "
            "rather than waiting for your next routine appointment. "
            "A dental check can also help rule out other causes."
        ),
        "category": "symptoms",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "How do doctors decide between a high-efficacy and a moderate-efficacy DMT at diagnosis?",
        "body": (
            "I was offered a choice between a 'gentler' treatment and a high-efficacy one. "
            "I don't know how to weigh it up. "
            "What do neurologists consider?"
        ),
        "answer": (
            "Your neurologist will usually consider how active your MS looks (relapses, MRI lesions, any "
            "disability), your age and general health, pregnancy plans, and how you feel about risk and "
            "routine. "
            "Moderate-efficacy treatments generally have fewer serious risks, while high-efficacy treatments "
            "control inflammation more strongly but need closer monitoring. "
            "There is growing evidence, mainly from large observational studies, that starting with a "
            "high-efficacy treatment may be better for long-term disability for many people, and trials "
            "are testing this directly. "
            "There is no single right answer, so it is worth asking your team to walk you through the "
            "pros and cons of each option for you specifically."
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Who should I contact first if I think I'm having a relapse over the weekend?",
        "body": (
            "My MS nurse helpline is only open on weekdays. "
            "If symptoms start on a Friday night I never know what to do. "
            "Should I go to A&E?"
        ),
        "answer": (
            "Most relapses are not emergencies, and it is usually fine to note your symptoms and contact your "
            "MS team when the helpline reopens. "
            "In the meantime, your GP out-of-hours service can check for infections such as a urine infection, "
            "which can cause a pseudo-relapse. "
            "However, go to A&E or call emergency services if you have:\n\n"
            "- sudden weakness or numbness of the face, arm or leg with speech problems\n"
            "- difficulty breathing or swallowing\n"
            "- sudden severe loss of vision\n\n"
            "Keeping a brief symptom diary over the weekend helps your team when you speak to them."
        ),
        "category": "relapses",
        "tags": ["rrms"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "What does 'no evidence of disease activity' (NEDA) mean in MS research papers?",
        "body": (
            "I was reading about a new treatment and it said a percentage of people achieved NEDA. "
            "What does that actually mean? "
            "Should it be my goal?"
        ),
        "answer": (
            "NEDA, or 'no evidence of disease activity', usually means that over a set period a person has had "
            "**no relapses, no new or active MRI lesions and no confirmed worsening of disability**. "
            "Some studies add a fourth measure, brain volume loss. "
            "It is a useful yardstick for comparing treatments and is an aim many clinicians work towards. "
            "However, NEDA is demanding, and one small new lesion would break it even if you are doing well "
            "overall, so it is best seen as part of a wider conversation with your team rather than a "
            "pass-or-fail test."
        ),
        "category": "research",
        "tags": ["mri", "rrms"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "What helps with dizziness and poor balance when I'm walking outside?",
        "body": (
            "I feel unsteady on uneven ground and I've had a couple of near falls. "
            "Indoors I'm fine. "
            "Is there anything I can do beyond holding on to my partner?"
        ),
        "answer": (
            "Balance problems are common in MS, and they often improve with targeted training. "
            "A physiotherapist can assess what is driving your unsteadiness, whether weakness, sensation, "
            "vision or the inner-ear balance system, and give you specific exercises. "
            "Balance and core strengthening programmes, as well as activities like tai chi or yoga adapted for "
            "MS, have good evidence behind them. "
            "A walking pole or stick for uneven ground can boost confidence and reduce falls. "
            "If you get true spinning vertigo, mention it, as there can be other treatable causes."
        ),
        "category": "symptoms",
        "tags": ["exercise"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Can stress trigger an MS relapse, or is that just a myth?",
        "body": (
            "My last two relapses came after very stressful periods at work. "
            "Friends say stress causes relapses. "
            "Should I be avoiding stress at all costs?"
        ),
        "answer": (
            "Some studies have found a link between stressful life events and a higher chance of relapse, "
            "though the effect is modest and not everyone is affected. "
            "It is impossible to avoid stress entirely, and trying to do so can itself become stressful. "
            "A more helpful aim is to build good ways of managing stress, such as regular exercise, adequate "
            "sleep, relaxation techniques or talking therapy. "
            "Please don't blame yourself for past relapses; MS activity is mainly driven by the disease itself, "
            "and the most effective protection remains a suitable DMT."
        ),
        "category": "relapses",
        "tags": ["rrms", "work"],
        "expert": 0,
        "anonymous": False,
    },
    {
        "title": "Can I still drink alcohol occasionally with MS and my current medication?",
        "body": (
            "I enjoy a glass of wine with dinner at weekends. "
            "Since my diagnosis I've wondered whether I need to stop completely. "
            "Does alcohol make MS worse?"
        ),
        "answer": (
            "There is no evidence that moderate drinking worsens the course of MS, and many people continue to "
            "enjoy an occasional drink. "
            "Bear in mind that alcohol can temporarily worsen balance, bladder urgency, fatigue and sleep, and "
            "it can interact with some symptom medicines. "
            "Check the leaflet of each medicine you take or ask your pharmacist. "
            "Staying within national low-risk drinking guidelines is sensible for everyone."
        ),
        "category": "daily-life",
        "tags": ["bladder", "sleep"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Could my DMT be affecting my mood, or is it more likely to be the MS itself?",
        "body": (
            "Since starting my treatment I've felt more irritable and low. "
            "I'm not sure whether it's the medication or just coming to terms with MS. "
            "How can I tell?"
        ),
        "answer": (
            "It can be hard to tell, because low mood is common in MS itself and also after a diagnosis. "
            "A few treatments, particularly the older interferon injections, are known to affect mood in some "
            "people, while most others are not strongly linked to it. "
            "The timing can give clues, so note when the changes began and whether they vary around doses. "
            "Please discuss it with your MS team rather than stopping treatment yourself; they can review your "
            "medicine and arrange support for your mood at the same time."
        ),
        "category": "emotional-health",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "Are blood tests like neurofilament light going to replace MRI scans for MS monitoring?",
        "body": (
            "I read that a blood test can show nerve damage in MS. "
            "I hate MRI scanners. "
            "Could a blood test replace them one day?"
        ),
        "answer": (
            "Neurofilament light chain (NfL) is a protein released when nerve fibres are damaged, and it can now "
            "be measured in blood. "
            "Levels tend to rise during active MS and fall with effective treatment, which makes it a promising "
            "monitoring tool. "
            "However, NfL is also affected by age, other illnesses and body weight, and it cannot show *where* "
            "damage is happening. "
            "For now it is used in research and in some clinics alongside MRI rather than instead of it. "
            "If the scanner is difficult for you, ask about support such as music, a mirror, or a wider-bore "
            "scanner."
        ),
        "category": "research",
        "tags": ["mri"],
        "expert": 1,
        "anonymous": True,
    },
    {
        "title": "Is the tight band around my chest, the so-called MS hug, anything dangerous?",
        "body": (
            "I sometimes get a squeezing feeling around my ribs that can last for hours. "
            "Someone in an online group called it the MS hug. "
            "Should I be worried?"
        ),
        "answer": (
            "The 'MS hug' is a sensory symptom caused by affected nerve pathways, sometimes with spasm of the "
            "small muscles between the ribs. "
            "It is uncomfortable but not dangerous in itself. "
            "Loose clothing, warmth or gentle pressure, and breathing exercises help some people, and "
            "medicines for nerve pain or spasticity can be considered if it is frequent. "
            "**Chest pain should never simply be assumed to be MS**: if you have pain with breathlessness, "
            "sweating or pain spreading to your arm or jaw, seek urgent medical help."
        ),
        "category": "symptoms",
        "tags": ["spasticity"],
        "expert": 0,
        "anonymous": False,
    },
    {
        "title": "What is aHSCT (stem cell transplant) for MS, and who might it be suitable for?",
        "body": (
            "I've seen stories about people having stem cell transplants for MS. "
            "My MS is still active despite two treatments. "
            "Could this be an option?"
        ),
        "answer": (
            "Autologous haematopoietic stem cell transplantation (aHSCT) uses chemotherapy to largely wipe out "
            "the immune system, which then regrows from your own stored stem cells. "
            "In people with **highly active relapsing MS**, particularly those who are younger and have had "
            "activity despite other treatments, it can be very effective at stopping inflammation. "
            "It also carries significant risks, including serious infection, and needs an experienced centre. "
            "It appears much less useful in progressive MS without ongoing inflammation. "
            "Given your history, it is reasonable to ask your neurologist whether a referral for assessment "
            "makes sense."
        ),
        "category": "research",
        "tags": ["rrms"],
        "expert": 0,
        "anonymous": True,
    },
    {
        "title": "My partner has just been diagnosed. How can I support them without being overbearing?",
        "body": (
            "My partner was diagnosed recently and I want to help. "
            "But when I ask how they are feeling they seem irritated. "
            "How do I get the balance right?"
        ),
        "answer": (
            "It is clear you care, and finding the balance is a common challenge for couples after a "
            "diagnosis. "
            "Rather than asking often how they are, it can help to agree together how they would like you to "
            "check in, and to offer specific help instead of general concern. "
            "Try to keep parts of your relationship that have nothing to do with MS. "
            "Look after your own wellbeing too; partners are often affected as well, and carers' groups or "
            "counselling for couples can be useful."
        ),
        "category": "family-and-pregnancy",
        "tags": ["rrms"],
        "expert": 3,
        "anonymous": True,
    },
    {
        "title": "Is foot drop something that physiotherapy or a splint can really help with?",
        "body": (
            "My toes catch on the ground when I'm tired and I've tripped a few times. "
            "A friend mentioned splints and electrical stimulation. "
            "Are they worth looking into?"
        ),
        "answer": (
            "Yes, foot drop is very treatable in the sense of improving walking and reducing falls. "
            "Options include:\n\n"
            "- **ankle-foot orthoses**, lightweight splints worn inside the shoe\n"
            "- **functional electrical stimulation**, which uses a small device to lift the foot as you walk\n"
            "- exercises to strengthen the ankle and hip and stretch tight calf muscles\n\n"
            "A physiotherapist or orthotist can assess which suits you best. "
            "Ask your MS nurse or GP for a referral."
        ),
        "category": "symptoms",
        "tags": ["exercise", "spasticity"],
        "expert": 2,
        "anonymous": True,
    },
    {
        "title": "Does it matter much if I occasionally miss a dose of my daily tablet DMT?",
        "body": (
            "I sometimes forget my tablet, especially at weekends. "
            "Is one missed dose a problem? "
            "Should I take two the next day to make up for it?"
        ),
        "answer": (
            "Please **don't double up** unless the leaflet or your team tells you to. "
            "For most tablet DMTs, missing an occasional dose is unlikely to make a big difference, but regular "
            "missed doses can reduce how well the treatment works. "
            "For a few medicines, missing several days in a row means you may need extra checks when restarting, "
            "so check the specific advice for yours. "
            "Phone alarms, pill organisers and linking the tablet to a daily habit all help. "
            "If you often forget, tell your MS nurse, as a less frequent treatment might suit you better."
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "expert": 2,
        "anonymous": False,
    },
]

OTHER_STATE_QUESTIONS: list[dict[str, Any]] = [
    {  # answered by Dr Lindqvist and waiting for a second clinician (treatments are reviewed in the demo)
        "title": "Is it normal to feel flu-like the day after my monthly injection?",
        "body": (
            "I started monthly injections of ofatumumab last month. The day after the first one I had chills "
            "and a headache for most of the day. Will this happen every month?"
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "status": "approved",
        "rejection_reason": "",
        "answer_for_review": {
            "expert": 1,
            "body": (
                "Feeling feverish, achy or headachy within a day of the first doses is common with this kind of "
                "treatment, and for most people it becomes milder with the following injections.\n\n"
                "- Your team may suggest paracetamol beforehand or on the day.\n"
                "- Keep a short note of when the symptoms start and how long they last, and bring it to your "
                "next review.\n\n"
                "Contact your MS team the same day if you have a high temperature for more than a day, signs of "
                "an infection, or anything that feels different from the first time."
            ),
        },
    },
    {  # personal details a moderator should take out before approving (the console marks them)
        "title": "Should I chase an earlier review for a new patch of numbness?",
        "body": (
            "My neurologist Dr Halvorsen told me to ring the MS nurses on 0161 496 0321 if anything new "
            "turned up. Three weeks ago a numb patch appeared on my left thigh and it has not faded. "
            "My hospital number is RX4471920 if that helps. "
            "Is this worth chasing before my routine review in March?"
        ),
        "category": "relapses",
        "tags": ["rrms"],
        "status": "pending",
        "rejection_reason": "",
    },
    {
        "title": "Is it worth using a cooling vest for long walks on hot days with MS?",
        "body": (
            "I love hiking but the heat really affects my legs. "
            "I've seen cooling vests advertised and they're not cheap. "
            "Do they actually help?"
        ),
        "category": "daily-life",
        "tags": ["heat-sensitivity", "exercise"],
        "status": "pending",
        "rejection_reason": "",
    },
    {
        "title": "Can MS cause problems with my bowels as well as my bladder?",
        "body": (
            "I've had more trouble with constipation since my diagnosis. "
            "I didn't realise it might be linked. "
            "What can I do about it?"
        ),
        "category": "symptoms",
        "tags": ["bladder"],
        "status": "pending",
        "rejection_reason": "",
    },
    {
        "title": "How do I prepare for my first appointment with a new MS neurologist?",
        "body": (
            "I've moved and will be seeing a new MS team soon. "
            "I always forget to ask things in appointments. "
            "What should I bring and ask about?"
        ),
        "category": "diagnosis-and-tests",
        "tags": ["rrms"],
        "status": "pending",
        "rejection_reason": "",
    },
    {
        "title": "Can MS affect my speech or swallowing, and who can help with that?",
        "body": (
            "Lately my speech gets slurred when I'm tired. "
            "I've also coughed a few times when drinking. "
            "Is this something to mention to my team?"
        ),
        "category": "symptoms",
        "tags": ["fatigue", "progressive-ms"],
        "status": "approved",
        "rejection_reason": "",
    },
    {
        "title": "Is it safe to stop my DMT after many years with no relapses or new lesions?",
        "body": (
            "I'm in my late fifties and have been stable on treatment for over a decade. "
            "I'm wondering whether I still need it. "
            "What does the evidence say about stopping?"
        ),
        "category": "treatments",
        "tags": ["rrms", "mri"],
        "status": "approved",
        "rejection_reason": "",
    },
    {
        "title": "What kind of exercise is most helpful for someone with SPMS who uses a walking aid?",
        "body": (
            "I use a stick and get tired quickly. "
            "I'd like to stay as strong as possible. "
            "What type of exercise would be most useful?"
        ),
        "category": "daily-life",
        "tags": ["exercise", "progressive-ms"],
        "status": "approved",
        "rejection_reason": "",
    },
    {
        "title": "Can you look at my symptoms and tell me whether I have MS?",
        "body": (
            "I've had tingling in my feet and blurred vision on and off. "
            "My GP hasn't referred me yet. "
            "Based on this, do you think I have MS?"
        ),
        "category": "diagnosis-and-tests",
        "tags": ["optic-neuritis"],
        "status": "rejected",
        "rejection_reason": (
            "Thank you for writing to us. We can't offer a personal diagnosis here, but please ask your GP about "
            "a referral to a neurologist, and you may find our existing answers on early symptoms helpful."
        ),
    },
    {
        "title": "Does heat make MS symptoms worse when I have a bath or it's a hot day?",
        "body": ("Hot baths make my legs weak. Is that normal with MS? Should I avoid heat?"),
        "category": "symptoms",
        "tags": ["heat-sensitivity"],
        "status": "rejected",
        "rejection_reason": (
            "Thank you for your question. It is already covered by a published answer about heat and MS "
            "symptoms, so we have pointed you there rather than publishing a duplicate."
        ),
    },
    {
        "title": "Should I ask for a second opinion about my treatment plan?",
        "body": (
            "I'm not sure my neurologist has explained all my options. "
            "I don't want to seem rude by asking for someone else's view. "
            "Is it normal to ask?"
        ),
        "category": "treatments",
        "tags": ["rrms"],
        "status": "withdrawn",
        "rejection_reason": "",
    },
    {
        "title": "How can I keep in touch with friends when fatigue means I cancel plans?",
        "body": (
            "I keep cancelling on friends because I run out of energy. "
            "I worry they'll stop inviting me. "
            "How do other people manage this?"
        ),
        "category": "emotional-health",
        "tags": ["fatigue"],
        "status": "withdrawn",
        "rejection_reason": "",
    },
]

COMMENTS: list[dict[str, Any]] = [
    {
        "question_index": 1,
        "author": 1,
        "body": (
            "This is so reassuring. I had no idea the heat effect was temporary and I'd stopped having baths "
            "altogether."
        ),
        "parent": None,
    },
    {
        "question_index": 1,
        "author": 2,
        "body": "A cooling scarf made a big difference for me on warm commutes. Worth a try!",
        "parent": 0,
    },
    {
        "question_index": 1,
        "author": 1,
        "body": "Thanks, I'll look for one. Does it stay cold for long?",
        "parent": 1,
    },
    {
        "question_index": 2,
        "author": 0,
        "body": ("Reading this made me realise I'd never had my iron checked. I've booked a blood test with my GP."),
        "parent": None,
    },
    {
        "question_index": 2,
        "author": 3,
        "body": "Energy pacing changed things for me too. It took a while to get used to but it helps.",
        "parent": 3,
    },
    {
        "question_index": 5,
        "author": 4,
        "body": (
            "I'm glad to see this. I've been scared to go back to running since my diagnosis, but I'll start "
            "slowly again."
        ),
        "parent": None,
    },
    {
        "question_index": 8,
        "author": 5,
        "body": (
            "Thank you for mentioning not to cut back on fluids. That's exactly what I'd been doing and it "
            "probably made things worse."
        ),
        "parent": None,
    },
    {
        "question_index": 8,
        "author": 2,
        "body": "Same here. The pelvic floor physio referral was the most useful thing my MS nurse arranged.",
        "parent": 6,
    },
    {
        "question_index": 9,
        "author": 0,
        "body": "The idea of a set worry time sounds strange but I'm going to give it a go. Thank you.",
        "parent": None,
    },
    {
        "question_index": 12,
        "author": 3,
        "body": ("Very helpful. We're at the same stage and have booked a planning appointment with my neurologist."),
        "parent": None,
    },
    {
        "question_index": 13,
        "author": 5,
        "body": "I hadn't thought about constipation making spasms worse. I'll mention it at my next review.",
        "parent": None,
    },
    {
        "question_index": 19,
        "author": 4,
        "body": (
            "I joined an imaging study last year. It was just extra scans and questionnaires, and the team were lovely."
        ),
        "parent": None,
    },
]
