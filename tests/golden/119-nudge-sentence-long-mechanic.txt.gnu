corpus/119-nudge-sentence-long-mechanic.txt:3:1: note: This sentence has 55 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
# exit 0
